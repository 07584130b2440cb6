using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>No alias with this id exists for the caller (missing, deleted, or another organization's).</summary>
public sealed class AliasNotFoundException(string aliasId) : NotFoundException("Alias not found")
{
    public string AliasId { get; } = aliasId;
}
