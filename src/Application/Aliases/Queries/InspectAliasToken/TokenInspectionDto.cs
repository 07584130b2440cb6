using System.Text.Json;

namespace AliasService.Application.Aliases.Queries.InspectAliasToken;

/// <summary>
/// Why public retrieval would accept or refuse a token, for the alias's owner: the verdict with the precise reason,
/// which key verified it (or would have), what the token says and the times involved. Never a secret or the signature.
/// </summary>
public sealed record TokenInspectionDto
{
    public bool Valid { get; init; }

    /// <summary>Null when valid; otherwise the public 401 reason, or the precise one public retrieval hides.</summary>
    public string? Reason { get; init; }

    public required string Description { get; init; }

    public string? Algorithm { get; init; }

    /// <summary><c>jwt_secret</c>, <c>previous_jwt_secret</c> or a JWT key id: the key's name, never the key.</summary>
    public string? Key { get; init; }

    public JsonElement? Header { get; init; }

    public JsonElement? Claims { get; init; }

    public long? IssuedAt { get; init; }

    public long? NotBefore { get; init; }

    public long? ExpiresAt { get; init; }

    public long ServerTime { get; init; }

    public long ClockSkewSeconds { get; init; }

    /// <summary><c>host</c> or <c>public</c> when valid, else null.</summary>
    public string? View { get; init; }

    public required IReadOnlyList<TokenRevocationDto> Revocations { get; init; }
}
