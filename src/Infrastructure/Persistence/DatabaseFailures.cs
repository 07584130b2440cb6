using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace AliasService.Infrastructure.Persistence;

/// <summary>Tells a database that cannot serve right now (down, unreachable, overloaded, timed out) from a bug.</summary>
public static class DatabaseFailures
{
    // SQLite's "database is locked" after its busy timeout: overloaded, not broken (Microsoft.Data.Sqlite does not mark it transient).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions says the database is unavailable: retries
    /// exhausted, a failure the provider marks transient (connection refused or lost, server shutting down, timeouts),
    /// a socket or timeout error, or a SQLite file that stayed locked. Constraint violations and other failures of a working database are not.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RetryLimitExceededException or TimeoutException or SocketException or DbException { IsTransient: true }
                or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }
}
