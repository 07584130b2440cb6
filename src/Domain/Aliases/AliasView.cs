namespace AliasService.Domain.Aliases;

/// <summary>An alias as one viewer may see it, with the secrets that viewer may not see already null.</summary>
public sealed record AliasView(
    string Id,
    AliasType Type,
    string? Name,
    string? Passcode,
    string? JwtSecret,
    string? StreamKey,
    long ExpiredAt,
    long InsertedAt);
