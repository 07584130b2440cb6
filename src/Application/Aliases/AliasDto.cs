namespace AliasService.Application.Aliases;

/// <summary>The alias object (docs/api.md, "The alias object"); property order is the wire order.</summary>
public sealed record AliasDto
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Name { get; init; }

    public string? Passcode { get; init; }

    public string? JwtSecret { get; init; }

    public string? StreamKey { get; init; }

    public long ExpiredAt { get; init; }

    public long InsertedAt { get; init; }
}
