using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Domain.JwtKeys;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

internal sealed class JwtKeyRepository(AliasServiceDbContext db) : IJwtKeyRepository
{
    public Task<JwtKey?> FindOwnedAsync(string organizationId, string keyId, CancellationToken cancellationToken) =>
        db.JwtKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.OrganizationId == organizationId, cancellationToken);

    public async Task<IReadOnlyList<JwtKey>> ListAsync(string organizationId, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.JwtKeys.AsNoTracking().Where(k => k.OrganizationId == organizationId);
        if (after is not null)
        {
            query = query.Where(k => k.CreatedAt < after.Timestamp
                || (k.CreatedAt == after.Timestamp && string.Compare(k.Id, after.Id) < 0));
        }

        return await query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Add(JwtKey key) => db.JwtKeys.Add(key);

    public void Remove(JwtKey key) => db.JwtKeys.Remove(key);
}
