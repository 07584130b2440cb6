using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Organizations;

namespace AliasService.Application.Common.Persistence;

/// <summary>Lookups that must find their organization.</summary>
public static class OrganizationRepositoryExtensions
{
    public static async Task<Organization> GetAsync(this IOrganizationRepository organizations, string organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        return await organizations.FindAsync(organizationId, cancellationToken).ConfigureAwait(false)
            ?? throw new OrganizationNotFoundException(organizationId);
    }
}
