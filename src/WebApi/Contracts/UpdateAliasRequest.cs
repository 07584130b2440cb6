using System.ComponentModel.DataAnnotations;
using AliasService.Application.Aliases;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;

namespace AliasService.WebApi.Contracts;

/// <summary>
/// Body of <c>POST /organization/api/v1/alias/update/{id}</c>: a member left out is unchanged, a member sent as
/// <c>null</c> is cleared; <c>type</c> and <c>expired_at</c> can be left out but not cleared.
/// </summary>
/// <remarks>
/// A member's type says which: an optional of a non-nullable type (<c>Optional</c> of <c>string</c>, of <c>long</c>)
/// cannot be cleared, and the API document shows it without null.
/// </remarks>
public sealed class UpdateAliasRequest : RequestBody
{
    /// <summary>The kind of room; cannot be cleared.</summary>
    [AliasTypeValues]
    public Optional<string> Type { get; init; }

    /// <summary>A display name, 1 to 200 characters; null clears it.</summary>
    [StringLength(TextLimits.AliasNameMax, MinimumLength = 1)]
    public Optional<string?> Name { get; init; }

    /// <summary>4 to 64 characters; null clears it.</summary>
    [StringLength(TextLimits.PasscodeMax, MinimumLength = TextLimits.PasscodeMin)]
    public Optional<string?> Passcode { get; init; }

    /// <summary>32 to 512 bytes of UTF-8 (32 ASCII characters at least); null clears it.</summary>
    [StringLength(TextLimits.JwtSecretMaxBytes, MinimumLength = TextLimits.JwtSecretMinBytes / 4)]
    public Optional<string?> JwtSecret { get; init; }

    /// <summary>1 to 256 characters; null clears it.</summary>
    [StringLength(TextLimits.StreamKeyMax, MinimumLength = 1)]
    public Optional<string?> StreamKey { get; init; }

    /// <summary>Unix time in seconds, in the future; cannot be cleared.</summary>
    [Range(1, UnixTime.MillisecondsThreshold)]
    public Optional<long> ExpiredAt { get; init; }
}
