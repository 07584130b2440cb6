using System.ComponentModel.DataAnnotations;
using AliasService.Application.Aliases;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;

namespace AliasService.WebApi.Contracts;

/// <summary>
/// Body of <c>POST /organization/api/v1/alias/create</c>. The validation attributes document the rules in the API
/// document (from the same constants); the validators and the domain enforce them.
/// </summary>
public sealed class CreateAliasRequest : RequestBody
{
    /// <summary>The kind of room.</summary>
    [Required]
    [AliasTypeValues]
    public string? Type { get; init; }

    /// <summary>A display name, 1 to 200 characters.</summary>
    [StringLength(TextLimits.AliasNameMax, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Protects public retrieval with <c>?passcode=</c>; 4 to 64 characters.</summary>
    [StringLength(TextLimits.PasscodeMax, MinimumLength = TextLimits.PasscodeMin)]
    public string? Passcode { get; init; }

    /// <summary>
    /// The HMAC secret alias tokens are signed with: 32 to 512 bytes of UTF-8 (32 ASCII characters at least; the
    /// length keywords can only bound characters, up to 4 bytes each).
    /// </summary>
    [StringLength(TextLimits.JwtSecretMaxBytes, MinimumLength = TextLimits.JwtSecretMinBytes / 4)]
    public string? JwtSecret { get; init; }

    /// <summary>Shown to the owner and to hosts only; 1 to 256 characters.</summary>
    [StringLength(TextLimits.StreamKeyMax, MinimumLength = 1)]
    public string? StreamKey { get; init; }

    /// <summary>Unix time in seconds (not milliseconds), in the future.</summary>
    [Required]
    [Range(1, UnixTime.MillisecondsThreshold)]
    public long? ExpiredAt { get; init; }
}
