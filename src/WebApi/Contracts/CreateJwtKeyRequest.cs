using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/jwt_keys</c>.</summary>
public sealed class CreateJwtKeyRequest : IRejectsUnknownMembers
{
    /// <example>Backend signing key 2026</example>
    public string? Name { get; init; }

    /// <summary>An RSA (2048–8192 bits) or EC (P-256/384/521) public key in PEM (SPKI or PKCS#1).</summary>
    /// <example>-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq...\n-----END PUBLIC KEY-----</example>
    public string? PublicKey { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownMembers { get; init; }
}
