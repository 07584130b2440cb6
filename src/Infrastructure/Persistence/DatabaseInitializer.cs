using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Runs before the service serves or a command works: applies pending migrations when configured (on by default
/// for SQLite only), then re-protects secrets stored in the legacy format (every provider; see
/// <see cref="LegacySecretUpgrade"/>).
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var migrate = options.MigrateOnStartup ?? options.Provider == DatabaseProvider.Sqlite;
        if (migrate)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers proceed while one writer commits; the setting persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }

        await UpgradeLegacySecretsAsync(db, logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Re-protects legacy secrets, after which only bound values are read. When the database cannot be reached or
    /// its schema is not migrated yet, the step is skipped, and legacy values stay readable on this instance until
    /// the next start runs it (so a late migration does not make every secret unreadable).
    /// </summary>
    private static async Task UpgradeLegacySecretsAsync(AliasServiceDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var ready = await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            && !(await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any();
        if (!ready)
        {
            db.Protector.AcceptLegacyFormat();
            LogUpgradeSkipped(logger);
            return;
        }

        var (upgraded, unreadable) = await LegacySecretUpgrade.RunAsync(db, logger, cancellationToken).ConfigureAwait(false);
        db.Protector.RetireLegacyFormat();
        if (upgraded + unreadable > 0)
        {
            LogUpgraded(logger, upgraded, unreadable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-protected {Upgraded} stored secret(s) bound to their row; {Unreadable} legacy value(s) could not be read")]
    private static partial void LogUpgraded(ILogger logger, int upgraded, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored secrets were not checked for the legacy format: the database is unreachable or not migrated; legacy values stay readable until the next start")]
    private static partial void LogUpgradeSkipped(ILogger logger);
}
