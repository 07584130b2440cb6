using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using Microsoft.Data.Sqlite;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// Notices commits to the cached tables of the SQLite file by any connection, including other processes (the command
/// line revoking a key while the server runs), and names the tables they changed: the file's cache generations (<see
/// cref="SqliteCacheGeneration"/>), one per table, counted up by triggers on those tables and by nothing else, so the
/// access-event writer's commits (several a second) leave the caches alone. (SQLite's <c>PRAGMA data_version</c> moves
/// on every commit of any table: a probe asks it first, as a cheap "anything at all?", and reads the generations only
/// when it moved.) Asked before the caches answer, on a few connections of its own (as many as requests ask at the same
/// moment, so they never queue behind one lock); a commit empties the caches once, whichever probe sees it first (see
/// <see cref="ChangedSinceIdleProbesLooked"/>).
/// </summary>
public sealed class SqliteDataVersion(string connectionString) : IDisposable
{
    public enum State
    {
        Unchanged,

        /// <summary>A cached table was changed since this probe last looked; <c>onChange</c> has run with the tables changed.</summary>
        Changed,

        /// <summary>The file could not be asked; <c>onChange</c> has run with every cached table and nothing cached may be trusted now.</summary>
        Unknown,
    }

    private readonly ConcurrentBag<Probe> _idle = [];
    private readonly string? _walIndexPath = WalIndexPathOf(connectionString);
    private WalIndex? _walIndex;
    private int _walIndexTried;

    /// <summary>The write-ahead-log index header that the last full look started from (see <see cref="WalIndex"/>).</summary>
    private HeaderSeen? _seen;

    /// <summary>
    /// Looks at the file's generations; when some moved, runs <paramref name="onChange"/> with the tables they count
    /// before the probe is used again, so no later look can report "unchanged" while what changed is still cached.
    /// While the write-ahead-log index header is what it was when a full look began, nothing was committed since, and
    /// no probe is asked.
    /// </summary>
    public State Check(Action<IReadOnlyCollection<string>> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var walIndex = Volatile.Read(ref _walIndex);
        var header = walIndex?.Read();
        if (header is { } now && Volatile.Read(ref _seen) is { } seen && seen.Header == now)
        {
            return State.Unchanged;
        }

        Probe? probe = null;
        try
        {
            probe = _idle.TryTake(out var idle) ? idle : new Probe(connectionString);
            ulong changed;
            lock (probe)
            {
                changed = probe.Look();
            }

            if (changed != 0)
            {
                ChangedSinceIdleProbesLooked(changed, onChange);
            }

            if (header is { } looked)
            {
                // Everything committed up to this header was seen by the look above (and emptied the caches if it
                // changed a cached table), so until the header moves there is nothing new to look at.
                Volatile.Write(ref _seen, new HeaderSeen(looked));
            }
            else if (walIndex is null)
            {
                MapWalIndexOnce();
            }

            _idle.Add(probe);
            probe = null;
            return changed != 0 ? State.Changed : State.Unchanged;
        }
        catch (SqliteException)
        {
            probe?.Dispose();
            onChange(SqliteCacheGeneration.CachedTables);
            return State.Unknown;
        }
    }

    /// <summary>
    /// Runs <paramref name="onChange"/> once for every probe that is idle now: each of them first looks at the
    /// generations (so it will not report the commits this change covers again, which on a busy server made one write
    /// empty the caches once per probe; what it sees beyond <paramref name="changed"/> is added to it) and stays locked
    /// until <paramref name="onChange"/> has run, so no request can use it to answer from what is still cached. A
    /// commit after its look is still reported by it. A probe in use elsewhere is left as it is and reports the change
    /// itself.
    /// </summary>
    private void ChangedSinceIdleProbesLooked(ulong changed, Action<IReadOnlyCollection<string>> onChange)
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
                    changed |= other.Look();
                }
                catch (SqliteException)
                {
                    // It keeps what it saw, and reports this change (or fails) on its own next look.
                }
            }

            onChange(TablesOf(changed));
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

        _walIndex?.Dispose();
    }

    private static string[] TablesOf(ulong changed) =>
        [.. SqliteCacheGeneration.CachedTables.Where((_, index) => (changed & (1UL << index)) != 0)];

    private static string? WalIndexPathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource) + "-shm";
    }

    /// <summary>Maps the index once, after a probe's first look (so a file in WAL mode has one); without it every check looks.</summary>
    private void MapWalIndexOnce()
    {
        if (_walIndexPath is null || Interlocked.Exchange(ref _walIndexTried, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _walIndex, WalIndex.TryOpen(connectionString, _walIndexPath));
    }

    private sealed record HeaderSeen(WalIndex.Header Header);

    /// <summary>
    /// The SQLite file's write-ahead-log index (the <c>-shm</c> file, which every connection to the file maps), read
    /// through a read-only mapping of its own. Its first 48 bytes are the index header, which every commit rewrites (its
    /// change counter counts write transactions; restarting the log changes its salts), and which a new read
    /// transaction reads to learn what it may see (sqlite.org/walformat.html). So an unchanged header means nothing was
    /// committed; a header read mid-rewrite only differs, which costs a full look. Reading it costs no lock, no system
    /// call and no SQLite call, where even <c>PRAGMA data_version</c> starts and ends a read transaction.
    /// </summary>
    private sealed class WalIndex : IDisposable
    {
        private readonly SqliteConnection _holder;
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;

        private WalIndex(SqliteConnection holder, MemoryMappedFile file, MemoryMappedViewAccessor view)
        {
            _holder = holder;
            _file = file;
            _view = view;
        }

        /// <summary>
        /// Maps the index, holding a connection of its own open for as long as the mapping lives: SQLite deletes the
        /// <c>-shm</c> file when the last connection to the database closes, and a later connection would make a new
        /// one that this mapping no longer shows. While the holder is open that cannot happen.
        /// </summary>
        public static WalIndex? TryOpen(string connectionString, string path)
        {
            var holder = new SqliteConnection(connectionString);
            try
            {
                holder.Open();
                using (var read = holder.CreateCommand())
                {
                    // A file in another journal mode has no index to read (the service sets WAL; a copied file may not).
                    read.CommandText = "PRAGMA journal_mode;";
                    if (!string.Equals(read.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
                    {
                        holder.Dispose();
                        return null;
                    }

                    // A read opens the log and its index on this connection, and keeps them open until it closes.
                    read.CommandText = "PRAGMA data_version;";
                    read.ExecuteScalar();
                }

                var file = MemoryMappedFile.CreateFromFile(
                    new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete),
                    mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
                return new WalIndex(holder, file, file.CreateViewAccessor(0, Header.Size, MemoryMappedFileAccess.Read));
            }
            catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                holder.Dispose();
                return null;
            }
        }

        public Header Read()
        {
            Interlocked.MemoryBarrier();
            return new Header(
                _view.ReadInt64(0), _view.ReadInt64(8), _view.ReadInt64(16), _view.ReadInt64(24), _view.ReadInt64(32), _view.ReadInt64(40));
        }

        public void Dispose()
        {
            _view.Dispose();
            _file.Dispose();
            _holder.Dispose();
        }

        public readonly record struct Header(long A, long B, long C, long D, long E, long F)
        {
            public const int Size = 48;
        }
    }

    /// <summary>
    /// One connection of its own. It first asks <c>PRAGMA data_version</c>, which moves on any other connection's commit
    /// and costs no page read; only when that moved does it read the generation rows (after a commit, SQLite re-reads
    /// pages from the write-ahead log, which under a stream of event batches made every look a page read). The data
    /// version is asked first, so a commit between the two reads is either in the generation read or seen next time.
    /// </summary>
    private sealed class Probe : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _dataVersion;
        private readonly SqliteCommand _generation;

        /// <summary>What this connection last saw; a new probe has seen nothing, so its first look reports every table.</summary>
        private readonly long[] _seenGenerations = [.. SqliteCacheGeneration.CachedTables.Select(_ => -1L)];
        private long _seenDataVersion = -1;

        public Probe(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _dataVersion = Prepared("PRAGMA data_version;");
            _generation = Prepared(SqliteCacheGeneration.Query);
        }

        /// <summary>
        /// The cached tables whose generation moved since this probe last looked, one bit each (bit <c>i</c> for
        /// <see cref="SqliteCacheGeneration.CachedTables"/>[<c>i</c>]); a table without a row counts as changed every
        /// time, as does a file without the table (which throws).
        /// </summary>
        public ulong Look()
        {
            var dataVersion = (long)_dataVersion.ExecuteScalar()!;
            if (dataVersion == _seenDataVersion)
            {
                return 0;
            }

            var now = SqliteCacheGeneration.CachedTables.Select(_ => -2L).ToArray();
            using (var rows = _generation.ExecuteReader())
            {
                while (rows.Read())
                {
                    var index = IndexOf(rows.GetString(0));
                    if (index >= 0)
                    {
                        now[index] = rows.GetInt64(1);
                    }
                }
            }

            ulong changed = 0;
            for (var index = 0; index < now.Length; index++)
            {
                if (now[index] != _seenGenerations[index] || now[index] == -2)
                {
                    changed |= 1UL << index;
                }

                _seenGenerations[index] = now[index];
            }

            _seenDataVersion = dataVersion;
            return changed;
        }

        private static int IndexOf(string table)
        {
            for (var index = 0; index < SqliteCacheGeneration.CachedTables.Count; index++)
            {
                if (string.Equals(SqliteCacheGeneration.CachedTables[index], table, StringComparison.Ordinal))
                {
                    return index;
                }
            }

            return -1;
        }

        public void Dispose()
        {
            _dataVersion.Dispose();
            _generation.Dispose();
            _connection.Dispose();
        }

        private SqliteCommand Prepared(string text)
        {
            var command = _connection.CreateCommand();
            command.CommandText = text;
            command.Prepare();
            return command;
        }
    }
}
