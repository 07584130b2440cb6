namespace AliasService.Infrastructure.Caching;

/// <summary>
/// What a SQLite file's cache generation counts: every committed insert, update or delete in the tables whose rows the
/// caches hold or derive from, counted up by triggers in the one-row table <c>cache_generation</c> (created by the
/// migration <c>CacheGeneration</c>). Writes to other tables (access events, idempotency records, the key ring)
/// leave it as it is, so they do not empty the caches. A new cached table needs a migration that creates its triggers
/// (<see cref="TriggerStatements"/>).
/// </summary>
public static class SqliteCacheGeneration
{
    /// <summary>The tables whose changes the generation counts.</summary>
    public static readonly IReadOnlyList<string> CachedTables = ["aliases", "token_revocations", "api_keys", "jwt_keys", "organizations"];

    /// <summary>The query a probe asks; it fails (and the caches are bypassed) on a file without the table.</summary>
    public const string Query = "SELECT value FROM cache_generation WHERE id = 1;";

    private static readonly string[] Changes = ["insert", "update", "delete"];

    /// <summary>The table and its one row.</summary>
    public static IEnumerable<string> TableStatements() =>
    [
        "CREATE TABLE cache_generation (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);",
        "INSERT INTO cache_generation (id, value) VALUES (1, 0);",
    ];

    /// <summary>The three triggers that count <paramref name="table"/>'s changes.</summary>
    public static IEnumerable<string> TriggerStatements(string table) =>
        Changes.Select(change =>
            $"CREATE TRIGGER cache_generation_{table}_{change} AFTER {change.ToUpperInvariant()} ON {table} " +
            "BEGIN UPDATE cache_generation SET value = value + 1 WHERE id = 1; END;");

    /// <summary>Undoes <see cref="TableStatements"/> and the triggers of <see cref="CachedTables"/>.</summary>
    public static IEnumerable<string> DropStatements() =>
        CachedTables.SelectMany(table => Changes.Select(change => $"DROP TRIGGER IF EXISTS cache_generation_{table}_{change};"))
            .Append("DROP TABLE IF EXISTS cache_generation;");
}
