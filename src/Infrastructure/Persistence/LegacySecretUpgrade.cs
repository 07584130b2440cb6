using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Re-protects, in place, every stored secret written before secrets were bound to their table, column and row
/// (recognisable by the missing <see cref="SecretProtector.BoundPrefix"/>). Plain SQL through EF Core's identifier
/// quoting, so it runs on every provider. Idempotent, and safe when several instances run it at once: each
/// update only applies while the column still holds the legacy value it read.
/// </summary>
internal static partial class LegacySecretUpgrade
{
    private const int BatchSize = 500;

    /// <summary>Upgrades every legacy value; answers how many were re-protected and how many could not be read.</summary>
    public static async Task<(int Upgraded, int Unreadable)> RunAsync(AliasServiceDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var (upgraded, unreadable) = (0, 0);
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            foreach (var field in ProtectedColumns.For(entityType))
            {
                var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
                var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
                var id = sql.DelimitIdentifier(field.Key.GetColumnName(table)!);
                var column = sql.DelimitIdentifier(field.Shadow.GetColumnName(table)!);
                var select = $"SELECT {id} AS {sql.DelimitIdentifier(nameof(StoredValue.RowId))}, {column} AS {sql.DelimitIdentifier(nameof(StoredValue.Value))} "
                    + $"FROM {tableName} WHERE {column} IS NOT NULL AND {column} NOT LIKE '{SecretProtector.BoundPrefix}%'";
                var update = $"UPDATE {tableName} SET {column} = {{0}} WHERE {id} = {{1}} AND {column} = {{2}}";

                string? after = null;
                while (true)
                {
                    var query = db.Database.SqlQueryRaw<StoredValue>(select);
                    if (after is not null)
                    {
                        query = query.Where(v => string.Compare(v.RowId, after) > 0);
                    }

                    var batch = await query.OrderBy(v => v.RowId).Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var stored in batch)
                    {
                        if (!db.Protector.TryUnprotectLegacy(stored.Value, out var plaintext))
                        {
                            unreadable++;
                            LogLegacyUnreadable(logger, field.Column.Purpose, stored.RowId);
                            continue;
                        }

                        var bound = db.Protector.Protect(plaintext, field.Column, stored.RowId);
                        upgraded += await db.Database.ExecuteSqlRawAsync(update, [bound, stored.RowId, stored.Value], cancellationToken).ConfigureAwait(false);
                    }

                    if (batch.Count < BatchSize)
                    {
                        break;
                    }

                    after = batch[^1].RowId;
                }
            }
        }

        return (upgraded, unreadable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The legacy value in {Column} of row {RowId} does not decrypt with this key ring; it is left as it is and reads as unusable")]
    private static partial void LogLegacyUnreadable(ILogger logger, string column, string rowId);

    /// <summary>One stored value as the upgrade reads it.</summary>
    private sealed record StoredValue(string RowId, string Value);
}
