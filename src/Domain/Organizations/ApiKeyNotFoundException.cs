using AliasService.Domain.Common;

namespace AliasService.Domain.Organizations;

/// <summary>The organization has no API key with this id.</summary>
public sealed class ApiKeyNotFoundException(string apiKeyId) : NotFoundException("API key not found")
{
    public string ApiKeyId { get; } = apiKeyId;
}
