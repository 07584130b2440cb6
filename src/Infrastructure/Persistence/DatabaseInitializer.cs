using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations: at start when configured (on by default for SQLite only), and on demand for the
/// deployment's <c>db migrate</c> step.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup ?? !options.IsServer)
        {
            await MigrateAsync(services, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies every pending migration of the configured provider; answers the migration the schema is now at. Safe to
    /// run from several instances at once: EF Core holds a database-wide migration lock while it migrates (an
    /// application lock on SQL Server, a lock table on SQLite) and reads the history under it; on PostgreSQL EF Core's lock
    /// lasts one migration's transaction only, so <see cref="PostgreSqlMigrationLock"/> holds the whole run.
    /// </summary>
    public static async Task<string?> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        // No pending-migration count first: on PostgreSQL that query fails (and is logged as an error) while the history
        // table does not exist yet; Migrate creates the table before it reads it.
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            await using var runLock = await PostgreSqlMigrationLock.AcquireAsync(db.Database.GetConnectionString()!, cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        var latest = db.Database.GetMigrations().LastOrDefault();
        LogMigrated(logger, options.Provider, latest);

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        return latest;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Provider} database schema is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, string? migration);
}
