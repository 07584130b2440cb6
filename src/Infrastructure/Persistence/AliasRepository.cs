using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

internal sealed class AliasRepository(AliasServiceDbContext db) : IAliasRepository
{
    public Task<Alias?> FindOwnedAsync(string organizationId, string aliasId, CancellationToken cancellationToken) =>
        db.Aliases.Include(a => a.UserRevocations).SingleOrDefaultAsync(a => a.Id == aliasId && a.OrganizationId == organizationId, cancellationToken);

    public Task<Alias?> FindAsync(string aliasId, CancellationToken cancellationToken) =>
        db.Aliases.AsNoTracking().Include(a => a.UserRevocations).SingleOrDefaultAsync(a => a.Id == aliasId, cancellationToken);

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
