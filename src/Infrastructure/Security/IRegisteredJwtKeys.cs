using AliasService.Infrastructure.Caching;

namespace AliasService.Infrastructure.Security;

/// <summary>Where the verifier finds the registered public key a token's <c>kid</c> names: the database, or a key supplied offline.</summary>
public interface IRegisteredJwtKeys
{
    /// <summary>The organization's key with this id (untrusted text: a lookup value only), or null; never another organization's.</summary>
    Task<RegisteredJwtKey?> FindAsync(string organizationId, string? keyId, CancellationToken cancellationToken);
}
