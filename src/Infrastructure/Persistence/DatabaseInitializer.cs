using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// The start-up steps: create the storage folders (<see cref="StorageFolders"/>), then apply pending migrations: at
/// start when configured (on by default for SQLite only), and on demand for the deployment's <c>db migrate</c> step.
/// At start it then re-protects secrets stored in the legacy format (every provider; see <see cref="LegacySecretUpgrade"/>).
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<StorageFolders>().Create();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup ?? !options.IsServer)
        {
            await MigrateAsync(services, cancellationToken).ConfigureAwait(false);
        }

        await UpgradeLegacySecretsAsync(services, cancellationToken).ConfigureAwait(false);
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
        services.GetRequiredService<StorageFolders>().Create();
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

    /// <summary>
    /// Re-protects legacy secrets, after which only bound values are read. When the database cannot be reached or its
    /// schema is not migrated yet, the step is skipped and legacy values stay readable on this instance until the next
    /// start runs it (so a late migration step does not make every secret unreadable).
    /// </summary>
    private static async Task UpgradeLegacySecretsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        try
        {
            // The history table first: asking a database without one for pending migrations logs an error on PostgreSQL.
            var ready = await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                && await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken).ConfigureAwait(false)
                && !(await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any();
            if (ready)
            {
                var (upgraded, unreadable) = await LegacySecretUpgrade.RunAsync(db, logger, cancellationToken).ConfigureAwait(false);
                db.Protector.RetireLegacyFormat();
                if (upgraded + unreadable > 0)
                {
                    LogUpgraded(logger, upgraded, unreadable);
                }

                return;
            }
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            // Reported below: the instance starts, as it would without this step, and reports not ready.
        }

        db.Protector.AcceptLegacyFormat();
        LogUpgradeSkipped(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-protected {Upgraded} stored secret(s) bound to their row; {Unreadable} legacy value(s) could not be read")]
    private static partial void LogUpgraded(ILogger logger, int upgraded, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored secrets were not checked for the legacy format: the database is unreachable or not migrated; legacy values stay readable until the next start")]
    private static partial void LogUpgradeSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Provider} database schema is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, string? migration);
}
