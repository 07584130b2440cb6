using AliasService.Domain.JwtKeys;
using AliasService.Infrastructure.Caching;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Registered JWT keys from the database through the <see cref="LocalCaches"/>; a malformed kid costs no lookup, and a
/// key counts only for its own organization.
/// </summary>
public sealed class DatabaseJwtKeys(Lazy<AliasServiceDbContext> database, LocalCaches caches) : IRegisteredJwtKeys
{
    /// <summary>The context, made on first use: answers from the caches make none (<see cref="DatabaseOnFirstUse"/>).</summary>
    private AliasServiceDbContext Db => database.Value;

    public async Task<RegisteredJwtKey?> FindAsync(string organizationId, string? keyId, CancellationToken cancellationToken)
    {
        if (!JwtKey.IsWellFormedId(keyId))
        {
            return null;
        }

        var registered = await caches.GetOrLoadAsync(caches.JwtKeys, keyId, LoadAsync, cancellationToken).ConfigureAwait(false);
        return registered is not null && string.Equals(registered.OrganizationId, organizationId, StringComparison.Ordinal) ? registered : null;
    }

    private Task<RegisteredJwtKey?> LoadAsync(string keyId, CancellationToken cancellationToken) =>
        Db.JwtKeys.AsNoTracking()
            .Where(k => k.Id == keyId)
            .Select(k => new RegisteredJwtKey(k.Id, k.OrganizationId, k.PublicKeyPem, k.Algorithm, k.Fingerprint))
            .SingleOrDefaultAsync(cancellationToken);
}
