using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>Public retrieval of an alias whose expiry has passed (answered 410).</summary>
public sealed class AliasExpiredException(string aliasId) : DomainException(DefaultMessage)
{
    public const string DefaultMessage = "Alias expired";

    public string AliasId { get; } = aliasId;
}
