using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
    /// One transaction (on SQLite it waits for the write gate like every other write). On SQLite, one statement per
    /// <see cref="JsonRowsPerStatement"/> events: the rows go as one JSON array parameter that SQLite unpacks itself
    /// (<c>json_each</c>), so the managed side binds one value instead of eleven per event (in the server a little
    /// cheaper than a prepared insert per event, and allocating less; a multi-row insert binds by name at a cost that
    /// grows with the square of its parameters: docs/performance.md, "Access events"). The server databases run one
    /// prepared insert per event. Table and column names come from the model, quoted by the provider.
    /// </summary>
    private async Task InsertAsync(List<AccessEvent> rows, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
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
                if (sqlite)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@rows";
                    command.Parameters.Add(parameter);
                    foreach (var chunk in rows.Chunk(JsonRowsPerStatement))
                    {
                        parameter.Value = JsonRows(chunk);
                        await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                    }
                }
                else
                {
                    await InsertEachAsync(command, rows, token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertEachAsync(DbCommand command, List<AccessEvent> rows, CancellationToken cancellationToken)
    {
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

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rows per JSON statement: the text stays well under the large-object heap's 85,000 bytes (about 200 bytes a row).</summary>
    private const int JsonRowsPerStatement = 128;

    /// <summary>The rows as a JSON array, each row an array of <see cref="Columns"/> in order.</summary>
    private static string JsonRows(AccessEvent[] rows)
    {
        var buffer = new ArrayBufferWriter<byte>(rows.Length * 192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var e in rows)
            {
                json.WriteStartArray();
                foreach (var (_, value) in Columns)
                {
                    switch (value(e))
                    {
                        case null: json.WriteNullValue(); break;
                        case long number: json.WriteNumberValue(number); break;
                        case var other: json.WriteStringValue((string)other); break;
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The insert statement, built once per context type (each type has one provider, which quotes the names).</summary>
    private static readonly ConcurrentDictionary<Type, string> InsertText = new();

    private static string InsertTextFor(AliasServiceDbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(AccessEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var columns = Columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c.Property)!.GetColumnName(table)!)).ToArray();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) ";
        string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
        return context.Database.IsSqlite()
            ? into + $"SELECT {string.Join(", ", Columns.Select((_, i) => $"json_extract(value, '$[{Index(i)}]')"))} FROM json_each(@rows);"
            : into + $"VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + Index(i)))});";
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
