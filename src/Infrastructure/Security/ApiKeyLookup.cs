using AliasService.Domain.Organizations;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Finds the active API key a token's <c>kid</c> names. No cache, so a revoked key fails on the very next request,
/// on every instance. The <c>kid</c> is only ever a parameter value, never a path or SQL text.
/// </summary>
public sealed class ApiKeyLookup(AliasServiceDbContext db, TimeProvider clock)
{
    public async Task<ApiKeyCredential?> FindActiveAsync(string keyId, CancellationToken cancellationToken)
    {
        if (!ApiKey.IsWellFormedId(keyId))
        {
            return null;
        }

        // An expiry (or a scheduled revocation) takes effect at its second, without any job running.
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var key = await db.ApiKeys
            .SingleOrDefaultAsync(k => k.Id == keyId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), cancellationToken)
            .ConfigureAwait(false);
        return key is null ? null : new ApiKeyCredential(key.Id, key.OrganizationId, key.Secret);
    }

    /// <summary>Stamps <see cref="ApiKey.LastUsedAt"/> (at most once a minute per key).</summary>
    public async Task MarkUsedAsync(string keyId, CancellationToken cancellationToken)
    {
        // FindAsync answers from the change tracker: the key was loaded moments ago by FindActiveAsync.
        var key = await db.ApiKeys.FindAsync([keyId], cancellationToken).ConfigureAwait(false);
        if (key is not null && key.MarkUsed(clock))
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
