using AliasService.Domain.Common;

namespace AliasService.Domain.Organizations;

/// <summary>No organization with this id.</summary>
public sealed class OrganizationNotFoundException(string organizationId) : NotFoundException("Organization not found")
{
    public string OrganizationId { get; } = organizationId;
}
