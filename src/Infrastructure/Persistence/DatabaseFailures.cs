using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;

namespace AliasService.Infrastructure.Persistence;

/// <summary>Tells a database that cannot serve right now (down, unreachable, overloaded, timed out) from a bug.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions says the database is unavailable: retries
    /// exhausted, a failure the provider marks transient (connection refused or lost, server shutting down, timeouts),
    /// or a socket or timeout error. Constraint violations and other failures of a working database are not.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RetryLimitExceededException or TimeoutException or SocketException or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
