using System.Runtime.ExceptionServices;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AliasService.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys in the database, so every instance sees the same claims and responses (IETF
/// idempotency-key draft). A key is claimed by inserting its row (the primary key makes the first insert win on any
/// instance); the request's own writes and its stored response are then committed in one transaction, so a key
/// either has a response whose effects exist, or has no effects at all.
/// </summary>
public sealed partial class IdempotencyStore(AliasServiceDbContext db, SecretProtector protector, TimeProvider clock, ILogger<IdempotencyStore> logger) : IPrunedTable
{
    /// <summary>How long a completed request's response is answered to retries.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an unanswered claim counts as in flight (retries get 409). A claim left behind by a request that never
    /// finished (a killed instance) is taken over by the next retry after this; its work was rolled back.
    /// </summary>
    public static readonly TimeSpan InFlightLease = TimeSpan.FromSeconds(30);

    /// <summary>Stored responses may carry a new secret: bound, like every stored secret, to their row.</summary>
    private static readonly ProtectedColumn ResponseBodyColumn = new("idempotency_records", "ResponseBody");

    private DbSet<IdempotencyRecord> Records => db.Set<IdempotencyRecord>();

    /// <summary>Claims <paramref name="key"/> for this request, or says why not (replay, in flight, different request).</summary>
    public async Task<IdempotencyClaim> ClaimAsync(string organizationId, string key, byte[] fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var token = Guid.NewGuid();

        // Each pass either decides or loses a race to another request; a few passes settle any interleaving.
        for (var pass = 0; pass < 3; pass++)
        {
            var now = clock.GetUtcNow();

            // Read first: judging an existing key writes nothing, so it never waits behind a running claim's transaction.
            var existing = await Records.AsNoTracking()
                .SingleOrDefaultAsync(r => r.OrganizationId == organizationId && r.Key == key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                if (await TryInsertAsync(NewRecord(organizationId, key, fingerprint, token, now), cancellationToken).ConfigureAwait(false))
                {
                    return new IdempotencyClaim(organizationId, key, token, IdempotencyOutcome.Claimed);
                }

                continue;
            }

            if (existing.ClaimToken == token)
            {
                // Our own insert, committed although its acknowledgement was lost and the insert retried.
                return new IdempotencyClaim(organizationId, key, token, IdempotencyOutcome.Claimed);
            }

            var seconds = now.ToUnixTimeSeconds();
            if (existing.ExpiresAt <= seconds)
            {
                if (await TakeOverAsync(existing, fingerprint, token, now, cancellationToken).ConfigureAwait(false))
                {
                    return new IdempotencyClaim(organizationId, key, token, IdempotencyOutcome.Claimed);
                }

                continue;
            }

            if (!existing.Fingerprint.AsSpan().SequenceEqual(fingerprint))
            {
                return new IdempotencyClaim(organizationId, key, existing.ClaimToken, IdempotencyOutcome.Mismatch);
            }

            if (existing is { ResponseStatus: { } status, ResponseBody: { } body })
            {
                // A stored response that does not decrypt here (moved or altered) is neither replayed nor run again.
                return protector.TryUnprotect(body, ResponseBodyColumn, RowId(organizationId, key), out var plaintext)
                    ? new IdempotencyClaim(organizationId, key, existing.ClaimToken, IdempotencyOutcome.Replay, new StoredResponse(status, plaintext))
                    : new IdempotencyClaim(organizationId, key, existing.ClaimToken, IdempotencyOutcome.InFlight);
            }

            if (existing.LockedUntil > seconds)
            {
                return new IdempotencyClaim(organizationId, key, existing.ClaimToken, IdempotencyOutcome.InFlight);
            }

            if (await TakeOverAsync(existing, fingerprint, token, now, cancellationToken).ConfigureAwait(false))
            {
                return new IdempotencyClaim(organizationId, key, token, IdempotencyOutcome.Claimed);
            }
        }

        return new IdempotencyClaim(organizationId, key, token, IdempotencyOutcome.InFlight);
    }

    /// <summary>
    /// Runs the claimed request and stores its response in one transaction: <paramref name="execute"/> answers the
    /// response to keep, or null (a failure) to roll everything back. Answers whether a response was stored.
    /// </summary>
    /// <exception cref="IdempotencyClaimLostException">The claim was taken over meanwhile; nothing was committed.</exception>
    public async Task<bool> CompleteAsync(IdempotencyClaim claim, Func<Task<StoredResponse?>> execute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(execute);

        // EF Core allows a transaction under a retrying execution strategy only inside the strategy. The request cannot
        // run twice, so any failure ends this one attempt (the failure reaches the strategy as a value, never as a
        // retryable exception) and the client retries with the same key.
        var strategy = db.Database.CreateExecutionStrategy();
        var (stored, failure) = await strategy.ExecuteAsync(
            async token =>
            {
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                    var response = await execute().ConfigureAwait(false);
                    if (response is null)
                    {
                        return (false, (ExceptionDispatchInfo?)null);
                    }

                    var body = protector.Protect(response.Body, ResponseBodyColumn, RowId(claim.OrganizationId, claim.Key));
                    var updated = await Records
                        .Where(r => r.OrganizationId == claim.OrganizationId && r.Key == claim.Key && r.ClaimToken == claim.Token && r.ResponseStatus == null)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(r => r.ResponseStatus, response.Status).SetProperty(r => r.ResponseBody, body).SetProperty(r => r.LockedUntil, (long?)null),
                            token)
                        .ConfigureAwait(false);
                    if (updated == 0)
                    {
                        throw new IdempotencyClaimLostException();
                    }

                    await transaction.CommitAsync(token).ConfigureAwait(false);
                    return (true, null);
                }
                catch (Exception e)
                {
                    return (false, ExceptionDispatchInfo.Capture(e));
                }
            },
            cancellationToken).ConfigureAwait(false);
        failure?.Throw();
        return stored;
    }

    /// <summary>Gives the key back after a request that stored nothing, so a retry is processed afresh.</summary>
    public async Task ReleaseAsync(IdempotencyClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await Records
                .Where(r => r.OrganizationId == claim.OrganizationId && r.Key == claim.Key && r.ClaimToken == claim.Token && r.ResponseStatus == null)
                .ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            // The claim's lease runs out by itself; the client's retry then takes the key over.
            LogReleaseFailed(logger);
        }
    }

    public string RowsName => "expired idempotency record(s)";

    /// <summary>Deletes the records past their retention; answers how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return Records.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The row's key as one string (idempotency keys are printable ASCII, so never hold a line break).</summary>
    private static string RowId(string organizationId, string key) => organizationId + "\n" + key;

    private static IdempotencyRecord NewRecord(string organizationId, string key, byte[] fingerprint, Guid token, DateTimeOffset now) => new()
    {
        OrganizationId = organizationId,
        Key = key,
        Fingerprint = fingerprint,
        ClaimToken = token,
        CreatedAt = now.ToUnixTimeSeconds(),
        ExpiresAt = (now + Retention).ToUnixTimeSeconds(),
        LockedUntil = (now + InFlightLease).ToUnixTimeSeconds(),
    };

    private async Task<bool> TryInsertAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        Records.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Lost the race when the key now exists (a unique violation, whatever the provider calls it).
            if (await Records.AnyAsync(r => r.OrganizationId == record.OrganizationId && r.Key == record.Key, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }
    }

    /// <summary>Replaces an expired or abandoned claim, provided nobody changed it since it was read.</summary>
    private async Task<bool> TakeOverAsync(IdempotencyRecord seen, byte[] fingerprint, Guid token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = NewRecord(seen.OrganizationId, seen.Key, fingerprint, token, now);
        var updated = await Records
            .Where(r => r.OrganizationId == seen.OrganizationId && r.Key == seen.Key && r.ClaimToken == seen.ClaimToken && r.ResponseStatus == seen.ResponseStatus)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Fingerprint, fresh.Fingerprint)
                    .SetProperty(r => r.ClaimToken, fresh.ClaimToken)
                    .SetProperty(r => r.CreatedAt, fresh.CreatedAt)
                    .SetProperty(r => r.ExpiresAt, fresh.ExpiresAt)
                    .SetProperty(r => r.LockedUntil, fresh.LockedUntil)
                    .SetProperty(r => r.ResponseStatus, (int?)null)
                    .SetProperty(r => r.ResponseBody, (string?)null),
                cancellationToken)
            .ConfigureAwait(false);
        return updated == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release an idempotency key (database unavailable); it is released when its lease ends")]
    private static partial void LogReleaseFailed(ILogger logger);
}
