using Microsoft.Data.Sqlite;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// Notices commits to the SQLite file by any other connection, including other processes (the command line revoking
/// a key while the server runs): SQLite's <c>PRAGMA data_version</c> changes on one connection whenever another
/// connection commits. One connection of its own, kept open, asked before the caches answer.
/// </summary>
public sealed class SqliteDataVersion(string connectionString) : IDisposable
{
    public enum State
    {
        Unchanged,
        Changed,

        /// <summary>The file could not be asked; nothing cached may be trusted.</summary>
        Unknown,
    }

    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private long _seen = -1;

    public State Check()
    {
        lock (_gate)
        {
            try
            {
                if (_command is null)
                {
                    _connection = new SqliteConnection(connectionString);
                    _connection.Open();
                    _command = _connection.CreateCommand();
                    _command.CommandText = "PRAGMA data_version;";
                    _command.Prepare();
                }

                var version = (long)_command.ExecuteScalar()!;
                var changed = version != _seen;
                _seen = version;
                return changed ? State.Changed : State.Unchanged;
            }
            catch (SqliteException)
            {
                Reset();
                return State.Unknown;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Reset();
        }
    }

    private void Reset()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
        _seen = -1;
    }
}
