using AliasService.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// One generation per cached table (<see cref="SqliteCacheGeneration"/>) in place of the single counter of
    /// <see cref="CacheGeneration"/>: a commit to one table then empties only the caches that derive from it (creating
    /// an alias no longer drops the cached API keys). Not part of the model: SQLite only, raw SQL.
    /// </summary>
    public partial class CacheGenerationPerTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ArgumentNullException.ThrowIfNull(migrationBuilder);
            foreach (var statement in CacheGeneration.DropSingleCounter()
                .Concat(SqliteCacheGeneration.TableStatements())
                .Concat(SqliteCacheGeneration.CachedTables.SelectMany(SqliteCacheGeneration.TriggerStatements)))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ArgumentNullException.ThrowIfNull(migrationBuilder);
            foreach (var statement in SqliteCacheGeneration.DropStatements().Concat(CacheGeneration.CreateSingleCounter()))
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
