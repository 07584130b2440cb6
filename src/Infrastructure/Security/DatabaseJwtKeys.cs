using AliasService.Domain.JwtKeys;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Security;

/// <summary>Registered JWT keys from the database, scoped to the alias's organization; a malformed kid costs no lookup.</summary>
public sealed class DatabaseJwtKeys(AliasServiceDbContext db) : IRegisteredJwtKeys
{
    public async Task<RegisteredJwtKey?> FindAsync(string organizationId, string? keyId, CancellationToken cancellationToken)
    {
        if (!JwtKey.IsWellFormedId(keyId))
        {
            return null;
        }

        return await db.JwtKeys.AsNoTracking()
            .Where(k => k.Id == keyId && k.OrganizationId == organizationId)
            .Select(k => new RegisteredJwtKey(k.Id, k.PublicKeyPem, k.Algorithm, k.Fingerprint))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}
