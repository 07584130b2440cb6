namespace AliasService.Infrastructure.Caching;

/// <summary>
/// What a SQLite file's cache generations count: every committed insert, update or delete in each table whose rows
/// the caches hold or derive from, one counter per table in <c>cache_generations</c> (created by the migration
/// <c>CacheGenerationPerTable</c>), counted up by triggers on that table. Writes to other tables (access events,
/// idempotency records, the key ring) leave them as they are, so they do not empty the caches; and a write to one
/// table empties only what derives from it (<see cref="Stale"/>), so creating an alias keeps the API keys cached. A
/// new cached table needs a migration that adds its row and creates its triggers (<see cref="TriggerStatements"/>).
/// </summary>
public static class SqliteCacheGeneration
{
    /// <summary>The tables whose changes are counted, each by its own counter.</summary>
    public static readonly IReadOnlyList<string> CachedTables = ["aliases", "token_revocations", "api_keys", "jwt_keys", "organizations"];

    /// <summary>The query a probe asks; it fails (and the caches are bypassed) on a file without the table.</summary>
    public const string Query = "SELECT table_name, value FROM cache_generations;";

    private static readonly string[] Changes = ["insert", "update", "delete"];

    /// <summary>The table and one row per cached table.</summary>
    public static IEnumerable<string> TableStatements() =>
        CachedTables.Select(table => $"INSERT INTO cache_generations (table_name, value) VALUES ('{table}', 0);")
            .Prepend("CREATE TABLE cache_generations (table_name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;");

    /// <summary>The three triggers that count <paramref name="table"/>'s changes.</summary>
    public static IEnumerable<string> TriggerStatements(string table) =>
        Changes.Select(change =>
            $"CREATE TRIGGER cache_generations_{table}_{change} AFTER {change.ToUpperInvariant()} ON {table} " +
            $"BEGIN UPDATE cache_generations SET value = value + 1 WHERE table_name = '{table}'; END;");

    /// <summary>Undoes <see cref="TableStatements"/> and the triggers of <see cref="CachedTables"/>.</summary>
    public static IEnumerable<string> DropStatements() =>
        CachedTables.SelectMany(table => Changes.Select(change => $"DROP TRIGGER IF EXISTS cache_generations_{table}_{change};"))
            .Append("DROP TABLE IF EXISTS cache_generations;");

    /// <summary>
    /// What a change to <paramref name="table"/> makes stale: aliases carry their revocations; a change to an
    /// organization (or a table this list does not know) drops everything.
    /// </summary>
    public static IReadOnlyList<CacheKey> Stale(string table) => table switch
    {
        "aliases" or "token_revocations" => [new CacheKey(CacheKey.AliasEntity, null)],
        "api_keys" => [new CacheKey(CacheKey.ApiKeyEntity, null)],
        "jwt_keys" => [new CacheKey(CacheKey.JwtKeyEntity, null)],
        _ => [new CacheKey(CacheKey.AliasEntity, null), new CacheKey(CacheKey.OrganizationEntity, null)],
    };
}
