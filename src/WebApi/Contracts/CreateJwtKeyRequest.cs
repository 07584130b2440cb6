using System.ComponentModel.DataAnnotations;
using AliasService.Application.JwtKeys.Commands.CreateJwtKey;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/jwt_keys</c>.</summary>
public sealed class CreateJwtKeyRequest : RequestBody
{
    /// <summary>A name to tell keys apart, 1 to 50 characters, not blank.</summary>
    [Required]
    [StringLength(TextLimits.JwtKeyNameMax, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>
    /// An RSA (2048–8192 bits) or EC (P-256/384/521) public key in PEM (SPKI <c>BEGIN PUBLIC KEY</c> or PKCS#1
    /// <c>BEGIN RSA PUBLIC KEY</c>), at most 16 KiB. Never a private key.
    /// </summary>
    [Required]
    [StringLength(TextLimits.PublicKeyPemMax, MinimumLength = 1)]
    public string? PublicKey { get; init; }
}
