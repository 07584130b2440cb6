namespace AliasService.Domain.Aliases;

/// <summary>
/// An alias as one viewer may see it, with the secrets that viewer may not see already null. <see cref="Version"/>,
/// the concurrency version an owner can make an update conditional on, is the owner's only.
/// </summary>
public sealed record AliasView(
    string Id,
    AliasType Type,
    string? Name,
    string? Passcode,
    string? JwtSecret,
    string? StreamKey,
    long ExpiredAt,
    long InsertedAt,
    Guid? Version = null);
