using AliasService.Domain.Organizations;

namespace AliasService.Application.Common.Interfaces;

/// <summary>Persistence port for the <see cref="Organization"/> aggregate and its API keys.</summary>
public interface IOrganizationRepository
{
    /// <summary>The organization with all its API keys, tracked for update.</summary>
    Task<Organization?> FindAsync(string organizationId, CancellationToken cancellationToken);

    void Add(Organization organization);
}
