using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// Notices commits to the SQLite file by any other connection, including other processes (the command line revoking
/// a key while the server runs): SQLite's <c>PRAGMA data_version</c> changes on one connection whenever another
/// connection commits. Asked before the caches answer, on a few connections of its own (as many as requests ask at
/// the same moment, so they never queue behind one lock); a commit empties the caches once, whichever probe sees it
/// first (see <see cref="ChangedSinceIdleProbesLooked"/>).
/// </summary>
public sealed class SqliteDataVersion(string connectionString) : IDisposable
{
    public enum State
    {
        Unchanged,

        /// <summary>Something was committed since this probe last looked; <c>onChange</c> has run.</summary>
        Changed,

        /// <summary>The file could not be asked; <c>onChange</c> has run and nothing cached may be trusted now.</summary>
        Unknown,
    }

    private readonly ConcurrentBag<Probe> _idle = [];

    /// <summary>
    /// Looks at the file's data version; when it moved, runs <paramref name="onChange"/> before the probe is used
    /// again, so no later look can report "unchanged" while what changed is still cached.
    /// </summary>
    public State Check(Action onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        Probe? probe = null;
        try
        {
            probe = _idle.TryTake(out var idle) ? idle : new Probe(connectionString);
            bool changed;
            lock (probe)
            {
                var version = (long)probe.Command.ExecuteScalar()!;
                changed = version != probe.Seen;
                probe.Seen = version;
            }

            if (changed)
            {
                ChangedSinceIdleProbesLooked(onChange);
            }

            _idle.Add(probe);
            probe = null;
            return changed ? State.Changed : State.Unchanged;
        }
        catch (SqliteException)
        {
            probe?.Dispose();
            onChange();
            return State.Unknown;
        }
    }

    /// <summary>
    /// Runs <paramref name="onChange"/> once for every probe that is idle now: each of them first looks at the
    /// version (so it will not report the commits this change covers again, which on a busy server made one write
    /// empty the caches once per probe) and stays locked until <paramref name="onChange"/> has run, so no request can
    /// use it to answer from what is still cached. A commit after its look is still reported by it. A probe in use
    /// elsewhere is left as it is and reports the change itself.
    /// </summary>
    private void ChangedSinceIdleProbesLooked(Action onChange)
    {
        var held = new List<Probe>();
        try
        {
            foreach (var other in _idle)
            {
                if (!Monitor.TryEnter(other))
                {
                    continue;
                }

                held.Add(other);
                try
                {
                    other.Seen = (long)other.Command.ExecuteScalar()!;
                }
                catch (SqliteException)
                {
                    // It keeps what it saw, and reports this change (or fails) on its own next look.
                }
            }

            onChange();
        }
        finally
        {
            foreach (var other in held)
            {
                Monitor.Exit(other);
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var probe))
        {
            probe.Dispose();
        }
    }

    private sealed class Probe : IDisposable
    {
        private readonly SqliteConnection _connection;

        public Probe(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            Command = _connection.CreateCommand();
            Command.CommandText = "PRAGMA data_version;";
            Command.Prepare();
        }

        public SqliteCommand Command { get; }

        /// <summary>The version this connection last saw; a new probe has seen none, so its first look reports a change.</summary>
        public long Seen { get; set; } = -1;

        public void Dispose()
        {
            Command.Dispose();
            _connection.Dispose();
        }
    }
}
