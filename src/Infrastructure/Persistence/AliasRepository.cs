using System.Collections.Concurrent;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Domain.Aliases;
using AliasService.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

internal sealed class AliasRepository(Lazy<AliasServiceDbContext> database, LocalCaches caches) : IAliasRepository
{
    /// <summary>The context, made on first use: answers from the caches make none (<see cref="DatabaseOnFirstUse"/>).</summary>
    private AliasServiceDbContext Db => database.Value;

    /// <summary>
    /// The public lookup by id, compiled once per context type (each provider's context has its own SQL): no LINQ
    /// translation or query-cache lookup per request.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<AliasServiceDbContext, string, CancellationToken, Task<Alias?>>> FindById = new();

    /// <summary>The owner's tracked read (every write starts with it), compiled once per context type like <see cref="FindById"/>.</summary>
    private static readonly ConcurrentDictionary<Type, Func<AliasServiceDbContext, string, string, CancellationToken, Task<Alias?>>> FindOwned = new();

    /// <summary>
    /// The four shapes of a list page (with or without a type, with or without a cursor), each compiled once per
    /// context type: a page costs no LINQ translation, parameter extraction or query-cache lookup.
    /// </summary>
    private static readonly ConcurrentDictionary<(Type Context, bool Typed, bool After), Func<AliasServiceDbContext, string, AliasType, long, string, int, IAsyncEnumerable<Alias>>> ListPage = new();

    public Task<Alias?> FindOwnedAsync(string organizationId, string aliasId, CancellationToken cancellationToken) =>
        FindOwned.GetOrAdd(Db.GetType(), _ => EF.CompileAsyncQuery(
            (AliasServiceDbContext context, string organization, string id, CancellationToken token) =>
                context.Aliases.Include(a => a.UserRevocations).SingleOrDefault(a => a.Id == id && a.OrganizationId == organization)))(Db, organizationId, aliasId, cancellationToken);

    public async Task<Alias?> FindAsync(string aliasId, CancellationToken cancellationToken) =>
        await caches.GetOrLoadAsync(caches.Aliases, aliasId, LoadAsync, cancellationToken).ConfigureAwait(false);

    private Task<Alias?> LoadAsync(string aliasId, CancellationToken cancellationToken) =>
        FindById.GetOrAdd(Db.GetType(), _ => EF.CompileAsyncQuery(
            (AliasServiceDbContext context, string id, CancellationToken token) => context.Aliases.AsNoTracking().Include(a => a.UserRevocations).SingleOrDefault(a => a.Id == id)))(Db, aliasId, cancellationToken);

    public async Task<IReadOnlyList<Alias>> ListAsync(string organizationId, AliasType? type, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = ListPage.GetOrAdd((Db.GetType(), type is not null, after is not null), static shape => CompileListPage(shape.Typed, shape.After));
        var page = new List<Alias>(take);
        await foreach (var alias in query(Db, organizationId, type.GetValueOrDefault(), after?.Timestamp ?? 0, after?.Id ?? string.Empty, take)
            .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            page.Add(alias);
        }

        return page;
    }

    private static Func<AliasServiceDbContext, string, AliasType, long, string, int, IAsyncEnumerable<Alias>> CompileListPage(bool typed, bool after) =>
        (typed, after) switch
        {
            (false, false) => EF.CompileAsyncQuery((AliasServiceDbContext context, string organization, AliasType type, long afterTimestamp, string afterId, int take) =>
                context.Aliases.AsNoTracking().Where(a => a.OrganizationId == organization)
                    .OrderByDescending(a => a.InsertedAt).ThenByDescending(a => a.Id).Take(take)),
            (true, false) => EF.CompileAsyncQuery((AliasServiceDbContext context, string organization, AliasType type, long afterTimestamp, string afterId, int take) =>
                context.Aliases.AsNoTracking().Where(a => a.OrganizationId == organization && a.Type == type)
                    .OrderByDescending(a => a.InsertedAt).ThenByDescending(a => a.Id).Take(take)),
            // Row-value comparison spelled out so every provider can seek on the (inserted_at, id) index.
            (false, true) => EF.CompileAsyncQuery((AliasServiceDbContext context, string organization, AliasType type, long afterTimestamp, string afterId, int take) =>
                context.Aliases.AsNoTracking().Where(a => a.OrganizationId == organization
                    && (a.InsertedAt < afterTimestamp || (a.InsertedAt == afterTimestamp && string.Compare(a.Id, afterId) < 0)))
                    .OrderByDescending(a => a.InsertedAt).ThenByDescending(a => a.Id).Take(take)),
            (true, true) => EF.CompileAsyncQuery((AliasServiceDbContext context, string organization, AliasType type, long afterTimestamp, string afterId, int take) =>
                context.Aliases.AsNoTracking().Where(a => a.OrganizationId == organization && a.Type == type
                    && (a.InsertedAt < afterTimestamp || (a.InsertedAt == afterTimestamp && string.Compare(a.Id, afterId) < 0)))
                    .OrderByDescending(a => a.InsertedAt).ThenByDescending(a => a.Id).Take(take)),
        };

    public void Add(Alias alias) => Db.Aliases.Add(alias);

    public void Remove(Alias alias) => Db.Aliases.Remove(alias);
}
