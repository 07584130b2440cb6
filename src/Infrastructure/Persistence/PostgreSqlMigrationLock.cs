using Npgsql;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL session advisory lock held for a whole migration run. EF Core's own lock on PostgreSQL (a table lock)
/// is released at the end of each migration's transaction, so two concurrent runs could interleave and the second would
/// apply a migration the first had just applied ("relation already exists"). Under this lock the second run starts only
/// after the first finished, and then finds nothing pending. The lock ends with its connection, also if the process dies.
/// </summary>
internal sealed class PostgreSqlMigrationLock : IAsyncDisposable
{
    // Any constant shared by every instance of the service; "AliasMig" in ASCII.
    private const long Key = 0x416C6961734D6967;

    private readonly NpgsqlConnection _connection;

    private PostgreSqlMigrationLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgreSqlMigrationLock> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: a session lock on a pooled connection would outlive Close until the connection is reused.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgreSqlMigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
