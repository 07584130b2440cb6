using System.Data.Common;
using Npgsql;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// How the server databases are connected to: transient failures are retried a few times within about two seconds,
/// connecting and commands give up within bounded times, so a database outage answers 503 quickly, never a hang.
/// </summary>
public static class DatabaseConnections
{
    public const int MaxRetryCount = 3;
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Seconds to establish a connection, unless the connection string says otherwise.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>Seconds a command may run, unless the connection string says otherwise.</summary>
    public const int CommandTimeoutSeconds = 15;

    /// <summary>The configured PostgreSQL connection string with the service's timeouts where it sets none (pooling is Npgsql's default).</summary>
    public static string ForPostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = CommandTimeoutSeconds;
        }

        return builder.ConnectionString;
    }
}
