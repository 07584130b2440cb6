using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

internal sealed class OrganizationRepository(AliasServiceDbContext db) : IOrganizationRepository
{
    public Task<Organization?> FindAsync(string organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Include(o => o.ApiKeys).SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    public void Add(Organization organization) => db.Organizations.Add(organization);
}
