using Microsoft.Extensions.DependencyInjection;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// The request's context as a <see cref="Lazy{T}"/>, for the services that usually answer from the caches (the alias
/// lookup, the registered JWT keys, the API-key lookup): making an EF Core context costs more than the rest of a
/// cached retrieval's lookups together (docs/performance.md, "The context on first use"), and a cache hit needs none.
/// Once made it is the request's one scoped context, the same that <see cref="Application.Common.Interfaces.IUnitOfWork"/> saves.
/// </summary>
internal static class DatabaseOnFirstUse
{
    public static IServiceCollection AddDatabaseOnFirstUse(this IServiceCollection services) =>
        services.AddScoped(sp => new Lazy<AliasServiceDbContext>(sp.GetRequiredService<AliasServiceDbContext>, LazyThreadSafetyMode.None));
}
