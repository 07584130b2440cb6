namespace AliasService.Application.JwtKeys;

/// <summary>The JWT key object (docs/api.md, "JWT keys"); property order is the wire order.</summary>
public sealed record JwtKeyDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string PublicKey { get; init; }

    public required string Algorithm { get; init; }

    public required string Fingerprint { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }
}
