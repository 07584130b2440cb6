using System.Collections.Concurrent;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Domain.Aliases;
using AliasService.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

internal sealed class AliasRepository(AliasServiceDbContext db, LocalCaches caches) : IAliasRepository
{
    /// <summary>
    /// The public lookup by id, compiled once per context type (each provider's context has its own SQL): no LINQ
    /// translation or query-cache lookup per request.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<AliasServiceDbContext, string, CancellationToken, Task<Alias?>>> FindById = new();

    public Task<Alias?> FindOwnedAsync(string organizationId, string aliasId, CancellationToken cancellationToken) =>
        db.Aliases.Include(a => a.UserRevocations).SingleOrDefaultAsync(a => a.Id == aliasId && a.OrganizationId == organizationId, cancellationToken);

    public async Task<Alias?> FindAsync(string aliasId, CancellationToken cancellationToken) =>
        await caches.GetOrLoadAsync(caches.Aliases, aliasId, LoadAsync, cancellationToken).ConfigureAwait(false);

    private Task<Alias?> LoadAsync(string aliasId, CancellationToken cancellationToken) =>
        FindById.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery(
            (AliasServiceDbContext context, string id, CancellationToken token) => context.Aliases.AsNoTracking().Include(a => a.UserRevocations).SingleOrDefault(a => a.Id == id)))(db, aliasId, cancellationToken);

    public async Task<IReadOnlyList<Alias>> ListAsync(string organizationId, AliasType? type, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Aliases.AsNoTracking().Where(a => a.OrganizationId == organizationId);
        if (type is { } t)
        {
            query = query.Where(a => a.Type == t);
        }

        if (after is not null)
        {
            // Row-value comparison spelled out so both providers can seek on the (inserted_at, id) index.
            query = query.Where(a => a.InsertedAt < after.Timestamp
                || (a.InsertedAt == after.Timestamp && string.Compare(a.Id, after.Id) < 0));
        }

        return await query
            .OrderByDescending(a => a.InsertedAt)
            .ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public void Add(Alias alias) => db.Aliases.Add(alias);

    public void Remove(Alias alias) => db.Aliases.Remove(alias);
}
