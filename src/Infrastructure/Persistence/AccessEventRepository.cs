using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Domain.AccessEvents;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

internal sealed class AccessEventRepository(AliasServiceDbContext db) : IAccessEventRepository
{
    public async Task<IReadOnlyList<AccessEvent>> ListAsync(string organizationId, string aliasId, string? outcome, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Set<AccessEvent>().AsNoTracking().Where(e => e.AliasId == aliasId && e.OrganizationId == organizationId);
        if (outcome is not null)
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        if (after is not null)
        {
            var last = after.Timestamp;
            query = query.Where(e => e.Id < last);
        }

        return await query.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
