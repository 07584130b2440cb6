using System.Collections.Concurrent;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// One bounded cache of <see cref="LocalCaches"/>: rows of one entity by id, and optionally the ids known to name no
/// row (kept apart, so a flood of unknown ids never pushes out the rows). A full part is emptied and starts afresh:
/// a miss costs one indexed query, never a wrong answer.
/// </summary>
public sealed class CacheRegion<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _found = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool>? _missing;
    private readonly int _maxEntries;

    internal CacheRegion(string entity, int maxEntries, bool remembersMissing)
    {
        Entity = entity;
        _maxEntries = maxEntries;
        _missing = remembersMissing ? new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) : null;
    }

    /// <summary>The <see cref="CacheKey.Entity"/> whose keys invalidate this region.</summary>
    public string Entity { get; }

    internal int Count => _found.Count + (_missing?.Count ?? 0);

    /// <summary>The cached row of <paramref name="id"/> (null when the id is remembered as naming no row); false when nothing is cached for it.</summary>
    public bool TryGet(string id, out T? value)
    {
        if (_found.TryGetValue(id, out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return _missing is not null && _missing.ContainsKey(id);
    }

    internal void Store(string id, T? value)
    {
        if (value is not null)
        {
            if (_found.Count >= _maxEntries)
            {
                _found.Clear();
            }

            _found[id] = value;
        }
        else if (_missing is not null)
        {
            if (_missing.Count >= _maxEntries)
            {
                _missing.Clear();
            }

            _missing[id] = true;
        }
    }

    internal void Remove(string id)
    {
        _found.TryRemove(id, out _);
        _missing?.TryRemove(id, out _);
    }

    internal void Clear()
    {
        _found.Clear();
        _missing?.Clear();
    }
}
