using AliasService.Domain.Aliases;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// This instance's caches of the hot read paths: aliases by id (with their decrypted secrets, in memory only; unknown
/// ids too), active API keys and registered JWT keys. A committed change drops its keys through the
/// <see cref="ICacheInvalidationBus"/> before the request that made it is answered, so the very next request reads
/// the database again.
/// </summary>
/// <remarks>
/// <para>A load that raced with a change is never kept: every invalidation moves <see cref="Generation"/> on before it
/// removes anything, and a load only stays cached when the generation it started under is still current.</para>
/// <para>The caches run only where every change reaches them: <c>Caching:Enabled</c>, and either SQLite (one
/// instance per file; another process writing the same file, such as the command line, is noticed through
/// <see cref="SqliteDataVersion"/>) or a bus that reaches every instance. While a bus reports its transport lost, every
/// lookup goes to the database.</para>
/// </remarks>
public sealed class LocalCaches
{
    private readonly IServiceProvider _services;
    private readonly bool _configured;
    private readonly bool _serverDatabase;
    private readonly SqliteDataVersion? _dataVersion;
    private readonly (string Entity, Action<string> Remove, Action Clear, Func<int> Count)[] _regions;
    private readonly Action<IReadOnlyCollection<string>> _committed;
    private long _generation;
    private volatile bool _transportLost;
    private int _active = -1;

    // The bus delivers into these caches, and these caches ask the bus whether it reaches every instance: the bus is
    // resolved on first use, not in the constructor, so that neither needs the other to be built first.
    public LocalCaches(IServiceProvider services, IOptions<CachingOptions> options, IOptions<DatabaseOptions> database, SqliteDataVersion? dataVersion = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        _services = services;
        _configured = options.Value.Enabled;
        _serverDatabase = database.Value.IsServer;
        _dataVersion = dataVersion;
        var max = options.Value.MaxEntries;
        Aliases = new CacheRegion<Alias>(CacheKey.AliasEntity, max, remembersMissing: true);
        ApiKeys = new CacheRegion<ApiKeyCredential>(CacheKey.ApiKeyEntity, max, remembersMissing: false);
        JwtKeys = new CacheRegion<RegisteredJwtKey>(CacheKey.JwtKeyEntity, max, remembersMissing: false);
        _regions = [Of(Aliases), Of(ApiKeys), Of(JwtKeys)];
        _committed = tables => Invalidate(tables.SelectMany(SqliteCacheGeneration.Stale));
    }

    /// <summary>Aliases by id, and ids that name no alias.</summary>
    public CacheRegion<Alias> Aliases { get; }

    /// <summary>Active API keys by id (a revoked or unknown key is not kept).</summary>
    public CacheRegion<ApiKeyCredential> ApiKeys { get; }

    /// <summary>Registered JWT keys by id.</summary>
    public CacheRegion<RegisteredJwtKey> JwtKeys { get; }

    /// <summary>Moves on with every invalidation; a load keeps its result only if it has not moved meanwhile.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Whether lookups are answered from memory now (configured, allowed for this database and bus, transport up).</summary>
    public bool IsActive => !_transportLost && Allowed();

    /// <summary>
    /// The cached value of <paramref name="id"/>, or what <paramref name="load"/> reads from the database (kept for
    /// the next request unless a change came in meanwhile). Null is an answer too where the region remembers
    /// unknown ids.
    /// </summary>
    public async ValueTask<T?> GetOrLoadAsync<T>(CacheRegion<T> region, string id, Func<string, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(load);
        if (!IsActive || !IsUpToDate())
        {
            return await load(id, cancellationToken).ConfigureAwait(false);
        }

        if (region.TryGet(id, out var cached))
        {
            return cached;
        }

        var generation = Generation;
        var loaded = await load(id, cancellationToken).ConfigureAwait(false);
        region.Store(id, loaded);
        if (Generation != generation || _transportLost)
        {
            // A change was committed while this load ran: what it read may be older than that change.
            region.Remove(id);
        }

        return loaded;
    }

    /// <summary>Drops what <paramref name="keys"/> name; an organization's change drops every key (they are few and change rarely).</summary>
    public void Invalidate(IEnumerable<CacheKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Interlocked.Increment(ref _generation);
        foreach (var key in keys)
        {
            if (key.Entity == CacheKey.OrganizationEntity)
            {
                ApiKeys.Clear();
                JwtKeys.Clear();
                continue;
            }

            foreach (var region in _regions)
            {
                if (region.Entity != key.Entity)
                {
                    continue;
                }

                if (key.Id is null)
                {
                    region.Clear();
                }
                else
                {
                    region.Remove(key.Id);
                }
            }
        }
    }

    /// <summary>Drops everything.</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        foreach (var region in _regions)
        {
            region.Clear();
        }
    }

    /// <summary>The bus can no longer promise delivery: from now on every lookup reads the database.</summary>
    public void TransportLost()
    {
        _transportLost = true;
        InvalidateAll();
    }

    /// <summary>The bus delivers again: whatever changed meanwhile was missed, so start empty, then cache again.</summary>
    public void TransportRestored()
    {
        InvalidateAll();
        _transportLost = false;
    }

    /// <summary>Entries held now, over every region (for tests and metrics).</summary>
    public int Count => _regions.Sum(r => r.Count());

    private bool Allowed()
    {
        var active = Volatile.Read(ref _active);
        if (active < 0)
        {
            active = _configured && (!_serverDatabase || _services.GetRequiredService<ICacheInvalidationBus>().ReachesEveryInstance) ? 1 : 0;
            Volatile.Write(ref _active, active);
        }

        return active == 1;
    }

    /// <summary>
    /// On SQLite: whether the file could be asked what was committed since the last look; what a commit made stale
    /// (<see cref="SqliteCacheGeneration.Stale"/>) is dropped first.
    /// </summary>
    private bool IsUpToDate()
    {
        if (_dataVersion is null)
        {
            return true;
        }

        return _dataVersion.Check(_committed) != SqliteDataVersion.State.Unknown;
    }

    private static (string, Action<string>, Action, Func<int>) Of<T>(CacheRegion<T> region)
        where T : class => (region.Entity, region.Remove, region.Clear, () => region.Count);
}
