using AliasService.Domain.AccessEvents;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.AccessEvents;

/// <summary>Stores batches of access events and prunes those past retention; used by the background services only.</summary>
public sealed class AccessEventStore(AliasServiceDbContext db, TimeProvider clock, IOptions<AccessEventOptions> options)
{
    /// <summary>
    /// Stores one batch in one save (on SQLite through the write gate, like every other write). An event recorded before
    /// its alias was read (<c>limited</c>) gets the alias's organization here; one whose alias does not exist is dropped.
    /// Answers how many were stored.
    /// </summary>
    public async Task<int> SaveAsync(IReadOnlyCollection<AccessEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var unowned = batch.Where(e => e.OrganizationId is null).Select(e => e.AliasId).Distinct(StringComparer.Ordinal).ToList();
        var owners = unowned.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Aliases.AsNoTracking().Where(a => unowned.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.OrganizationId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        var stored = 0;
        foreach (var e in batch)
        {
            if (e.OrganizationId is null)
            {
                if (!owners.TryGetValue(e.AliasId, out var organizationId))
                {
                    continue;
                }

                e.BelongsTo(organizationId);
            }

            db.Set<AccessEvent>().Add(e);
            stored++;
        }

        if (stored > 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        return stored;
    }

    /// <summary>Deletes the events older than <see cref="AccessEventOptions.RetentionDays"/>; answers how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays)).ToUnixTimeSeconds();

        // A transaction so that on SQLite the bulk delete waits for the write gate like any other write; run through the
        // execution strategy, which the server databases' retrying strategies require for a transaction.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                var pruned = await db.Set<AccessEvent>().Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return pruned;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
