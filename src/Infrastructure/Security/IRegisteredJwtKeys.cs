using AliasService.Domain.JwtKeys;

namespace AliasService.Infrastructure.Security;

/// <summary>Where the verifier finds the registered public key a token's <c>kid</c> names: the database, or a key supplied offline.</summary>
public interface IRegisteredJwtKeys
{
    /// <summary>The organization's key with this id (untrusted text: a lookup value only), or null.</summary>
    Task<RegisteredJwtKey?> FindAsync(string organizationId, string? keyId, CancellationToken cancellationToken);
}

/// <summary>A registered public key as the verifier needs it; <see cref="Id"/> names it in diagnostics.</summary>
public sealed record RegisteredJwtKey(string Id, string PublicKeyPem, string Algorithm, string Fingerprint)
{
    public static RegisteredJwtKey From(string id, PublicKeyInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(id, info.Pem, info.Algorithm, info.Fingerprint);
    }
}
