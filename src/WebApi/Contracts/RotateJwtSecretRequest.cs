using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/{id}/jwt_secret/rotate</c>; every member optional.</summary>
public sealed class RotateJwtSecretRequest : RequestBody
{
    /// <summary>
    /// The new secret: 32 to 512 bytes of UTF-8. Absent: the service generates a random 256-bit one (43 base64url
    /// characters), shown in the answer.
    /// </summary>
    [StringLength(TextLimits.JwtSecretMaxBytes, MinimumLength = TextLimits.JwtSecretMinBytes / 4)]
    public string? JwtSecret { get; init; }

    /// <summary>Seconds the current secret keeps verifying tokens, 0 (stops at once, the default) to 604800 (7 days).</summary>
    [Range(0, Alias.MaxPreviousValidFor)]
    [DefaultValue(0L)]
    public long? PreviousValidFor { get; init; }
}
