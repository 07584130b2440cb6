using System.Text.Json.Serialization;
using AliasService.Application.Common.Models;

namespace AliasService.Application.Aliases;

/// <summary>The alias object (docs/api.md, "The alias object"); property order is the wire order.</summary>
public sealed record AliasDto : IVersionedDto
{
    public required string Id { get; init; }

    [AliasTypeValues]
    public required string Type { get; init; }

    public string? Name { get; init; }

    public string? Passcode { get; init; }

    public string? JwtSecret { get; init; }

    public string? StreamKey { get; init; }

    public long ExpiredAt { get; init; }

    public long InsertedAt { get; init; }

    /// <summary>The owner view's concurrency version; sent as the ETag header, not as a member.</summary>
    [JsonIgnore]
    public Guid? Version { get; init; }
}
