using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.Persistence;

/// <summary>Applies pending migrations at start when configured (on by default for SQLite only).</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var migrate = options.MigrateOnStartup ?? options.Provider == DatabaseProvider.Sqlite;
        if (!migrate)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);
}
