using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>A partial update: an absent member leaves the field unchanged, a present null clears it.</summary>
public sealed record AliasChanges
{
    public Optional<AliasType> Type { get; init; }

    public Optional<string?> Name { get; init; }

    public Optional<string?> Passcode { get; init; }

    public Optional<string?> JwtSecret { get; init; }

    public Optional<string?> StreamKey { get; init; }

    public Optional<long> ExpiredAt { get; init; }
}
