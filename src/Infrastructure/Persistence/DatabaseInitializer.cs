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
    /// Applies every pending migration of the configured provider; answers how many were pending. Safe to run from
    /// several instances at once: EF Core holds a database-wide migration lock while it migrates (an application lock
    /// on SQL Server, a lock table on SQLite, a table lock on PostgreSQL) and re-reads the history under it.
    /// </summary>
    public static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count();
        if (pending > 0)
        {
            LogMigrating(logger, pending, options.Provider);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);
}
