using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The first form of the cached tables' generation: a one-row table <c>cache_generation</c> that triggers on those
    /// tables count up, so the caches notice every writer's commits to them and no others (not the access events
    /// written several times a second). Replaced by one counter per table in the migration <c>CacheGenerationPerTable</c>.
    /// Not part of the model: SQLite only, raw SQL, written out here so that this step stays what it was.
    /// </summary>
    public partial class CacheGeneration : Migration
    {
        private static readonly string[] Tables = ["aliases", "token_revocations", "api_keys", "jwt_keys", "organizations"];
        private static readonly string[] Changes = ["insert", "update", "delete"];

        /// <summary>The single counter and its triggers.</summary>
        internal static IEnumerable<string> CreateSingleCounter() =>
            Tables.SelectMany(table => Changes.Select(change =>
                    $"CREATE TRIGGER cache_generation_{table}_{change} AFTER {change.ToUpperInvariant()} ON {table} " +
                    "BEGIN UPDATE cache_generation SET value = value + 1 WHERE id = 1; END;"))
                .Prepend("INSERT INTO cache_generation (id, value) VALUES (1, 0);")
                .Prepend("CREATE TABLE cache_generation (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);");

        /// <summary>Undoes <see cref="CreateSingleCounter"/>.</summary>
        internal static IEnumerable<string> DropSingleCounter() =>
            Tables.SelectMany(table => Changes.Select(change => $"DROP TRIGGER IF EXISTS cache_generation_{table}_{change};"))
                .Append("DROP TABLE IF EXISTS cache_generation;");

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ArgumentNullException.ThrowIfNull(migrationBuilder);
            foreach (var statement in CreateSingleCounter())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ArgumentNullException.ThrowIfNull(migrationBuilder);
            foreach (var statement in DropSingleCounter())
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
