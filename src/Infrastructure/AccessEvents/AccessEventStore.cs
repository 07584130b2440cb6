using System.Collections.Concurrent;
using System.Globalization;
using AliasService.Domain.AccessEvents;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.AccessEvents;

/// <summary>Stores batches of access events and prunes those past retention; used by the background services only.</summary>
public sealed class AccessEventStore(AliasServiceDbContext db, TimeProvider clock, IOptions<AccessEventOptions> options) : IPrunedTable
{
    public string RowsName => "access event(s)";

    /// <summary>
    /// Stores one batch in one transaction (on SQLite through the write gate, like every other write). An event recorded before
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

        var rows = new List<AccessEvent>(batch.Count);
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

            rows.Add(e);
        }

        if (rows.Count > 0)
        {
            await InsertAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }

    /// <summary>
    /// One transaction (on SQLite it waits for the write gate like every other write) and one prepared insert run once
    /// per event: thousands of events a second cost a fraction of what change tracking costs per entity
    /// (docs/performance.md, "Access events"). Table and column names come from the model, quoted by the provider.
    /// </summary>
    private async Task InsertAsync(List<AccessEvent> rows, CancellationToken cancellationToken)
    {
        var text = InsertText.GetOrAdd(db.GetType(), static (_, context) => InsertTextFor(context), db);

        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
#pragma warning disable CA2100 // Identifiers from the model, quoted by the provider; every value is a parameter.
                command.CommandText = text;
#pragma warning restore CA2100
                var parameters = Columns.Select((_, i) =>
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                    command.Parameters.Add(parameter);
                    return parameter;
                }).ToArray();
                foreach (var e in rows)
                {
                    for (var i = 0; i < Columns.Length; i++)
                    {
                        parameters[i].Value = Columns[i].Value(e) ?? DBNull.Value;
                    }

                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The insert statement, built once per context type (its provider quotes the names).</summary>
    private static readonly ConcurrentDictionary<Type, string> InsertText = new();

    private static string InsertTextFor(AliasServiceDbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(AccessEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var columns = Columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c.Property)!.GetColumnName(table)!)).ToArray();
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) " +
            $"VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))});";
    }

    private static readonly (string Property, Func<AccessEvent, object?> Value)[] Columns =
    [
        (nameof(AccessEvent.AliasId), e => e.AliasId),
        (nameof(AccessEvent.OrganizationId), e => e.OrganizationId),
        (nameof(AccessEvent.OccurredAt), e => e.OccurredAt),
        (nameof(AccessEvent.Kind), e => e.Kind),
        (nameof(AccessEvent.Outcome), e => e.Outcome),
        (nameof(AccessEvent.Reason), e => e.Reason),
        (nameof(AccessEvent.Credential), e => e.Credential),
        (nameof(AccessEvent.UserId), e => e.UserId),
        (nameof(AccessEvent.ClientAddress), e => e.ClientAddress),
        (nameof(AccessEvent.ApiKeyId), e => e.ApiKeyId),
        (nameof(AccessEvent.ChangedFields), e => e.ChangedFields),
    ];

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
