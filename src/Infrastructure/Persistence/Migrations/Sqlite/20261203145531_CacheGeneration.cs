using AliasService.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AliasService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The generation of the cached tables (<see cref="SqliteCacheGeneration"/>): a one-row table that triggers on
    /// those tables count up, so the caches notice every writer's commits to them and no others (not the access
    /// events written several times a second). Not part of the model: SQLite only, raw SQL.
    /// </summary>
    public partial class CacheGeneration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ArgumentNullException.ThrowIfNull(migrationBuilder);
            foreach (var statement in SqliteCacheGeneration.TableStatements()
                .Concat(SqliteCacheGeneration.CachedTables.SelectMany(SqliteCacheGeneration.TriggerStatements)))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ArgumentNullException.ThrowIfNull(migrationBuilder);
            foreach (var statement in SqliteCacheGeneration.DropStatements())
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
