using System.Diagnostics.CodeAnalysis;
using AliasService.Domain.Common;

namespace AliasService.Domain.JwtKeys;

/// <summary>
/// A public signing key an organization registers so its backend can sign alias tokens with the private half
/// (RS256/PS256 for RSA, ES256/384/512 by curve for EC). Only the public key is ever stored.
/// </summary>
public sealed class JwtKey
{
    private const string IdPrefix = "jwk_";
    private const int IdBytes = 12;

    private JwtKey(string id, string organizationId, string name, string publicKeyPem, string algorithm, string fingerprint, long createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        Name = name;
        PublicKeyPem = publicKeyPem;
        Algorithm = algorithm;
        Fingerprint = fingerprint;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string Id { get; private set; }

    public string OrganizationId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The key as SubjectPublicKeyInfo PEM, normalized.</summary>
    public string PublicKeyPem { get; private set; }

    /// <summary><c>RS256</c> (RSA: RS256 and PS256 tokens), or <c>ES256</c>/<c>ES384</c>/<c>ES512</c> by curve.</summary>
    public string Algorithm { get; private set; }

    /// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url).</summary>
    public string Fingerprint { get; private set; }

    public long CreatedAt { get; private set; }

    public long UpdatedAt { get; private set; }

    /// <summary>Whether <paramref name="id"/> could be a JWT key id (<c>jwk_</c> and 16 base64url characters).</summary>
    public static bool IsWellFormedId([NotNullWhen(true)] string? id) => RandomIdentifier.IsWellFormed(id, IdPrefix, IdBytes);

    public static JwtKey Create(string organizationId, string? name, PublicKeyInfo key, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentNullException.ThrowIfNull(key);
        if (CheckName(name) is { } reason)
        {
            throw DomainValidationException.For("name", reason);
        }

        return new JwtKey(RandomIdentifier.New(IdPrefix, IdBytes), organizationId, name!, key.Pem, key.Algorithm, key.Fingerprint, UnixTime.Now(clock));
    }

    /// <summary>
    /// The name rule, stated once: required, 1 to <see cref="TextLimits.JwtKeyNameMax"/> characters of allowed text, not
    /// blank. Answers the reason for the field's details, or null. The request validator asks it too, so a bad name
    /// is reported with every other field before the key is parsed.
    /// </summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrEmpty(name) ? "is required" : TextRules.Check(name, 1, TextLimits.JwtKeyNameMax, isName: true);
}
