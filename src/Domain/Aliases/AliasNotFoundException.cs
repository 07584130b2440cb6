using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>No alias with this id exists for the caller (missing, deleted, or another organization's).</summary>
public sealed class AliasNotFoundException(string aliasId) : NotFoundException(DefaultMessage)
{
    public const string DefaultMessage = "Alias not found";

    public string AliasId { get; } = aliasId;
}
