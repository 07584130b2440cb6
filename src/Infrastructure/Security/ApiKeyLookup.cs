using System.Collections.Concurrent;
using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using AliasService.Infrastructure.Caching;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Finds the active API key a token's <c>kid</c> names, through the <see cref="LocalCaches"/>: a revocation is
/// committed, then published, so a revoked key fails on the very next request. The <c>kid</c> is only ever a
/// parameter value, never a path or SQL text.
/// </summary>
public sealed class ApiKeyLookup(Lazy<AliasServiceDbContext> database, LocalCaches caches, TimeProvider clock)
{
    /// <summary>The context, made on first use: answers from the caches make none (<see cref="DatabaseOnFirstUse"/>).</summary>
    private AliasServiceDbContext Db => database.Value;

    /// <summary>
    /// The load of an active key, compiled once per context type (a key is loaded again after every change to the
    /// API keys, and on a cache miss).
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<AliasServiceDbContext, string, CancellationToken, Task<ApiKey?>>> FindActive = new();

    public async Task<ApiKeyCredential?> FindActiveAsync(string keyId, CancellationToken cancellationToken)
    {
        if (!ApiKey.IsWellFormedId(keyId))
        {
            return null;
        }

        // An expiry (or a scheduled revocation) takes effect at its second, without any job running or any cache
        // entry being dropped: the cached credential carries its end.
        var credential = await caches.GetOrLoadAsync(caches.ApiKeys, keyId, LoadAsync, cancellationToken).ConfigureAwait(false);
        return credential is { ExpiresAt: { } expires } && expires <= UnixTime.Now(clock) ? null : credential;
    }

    /// <summary>Stamps <see cref="ApiKey.LastUsedAt"/> (at most once a minute per key: only then is the key read and written).</summary>
    public async Task MarkUsedAsync(ApiKeyCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!ApiKey.IsUseDue(credential.LastUsedAt, UnixTime.Now(clock)))
        {
            return;
        }

        var key = await Db.ApiKeys.FindAsync([credential.KeyId], cancellationToken).ConfigureAwait(false);
        if (key is not null && key.MarkUsed(clock))
        {
            await Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ApiKeyCredential?> LoadAsync(string keyId, CancellationToken cancellationToken)
    {
        // The whole row: the secret is decrypted as the entity is materialized.
        var key = await FindActive.GetOrAdd(Db.GetType(), _ => EF.CompileAsyncQuery(
                (AliasServiceDbContext context, string id, CancellationToken token) => context.ApiKeys.AsNoTracking().SingleOrDefault(k => k.Id == id && k.RevokedAt == null)))(
                Db, keyId, cancellationToken).ConfigureAwait(false);
        return key is null ? null : new ApiKeyCredential(key.Id, key.OrganizationId, key.Secret, key.LastUsedAt, key.ExpiresAt);
    }
}
