using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// EF Core caches one model per context type, but the model's converters capture a key ring. Keying the cache
/// on the protector too keeps two hosts in one process (tests) from encrypting with each other's keys.
/// </summary>
internal sealed class ProtectorAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AliasServiceDbContext own
            ? (context.GetType(), own.Protector, designTime)
            : (object)(context.GetType(), designTime);
}
