namespace AliasService.Infrastructure.Caching;

/// <summary>
/// Carries the keys of committed changes to the <see cref="LocalCaches"/> of every instance that should drop them.
/// An implementation delivers to this instance's caches too, calls <see cref="LocalCaches.TransportLost"/> when it
/// can no longer promise delivery and <see cref="LocalCaches.TransportRestored"/> when it can again.
/// </summary>
public interface ICacheInvalidationBus
{
    /// <summary>
    /// Whether a published key reaches every instance that shares the database. When false, the caches only run on
    /// SQLite (one instance per file); on a server database they are off.
    /// </summary>
    bool ReachesEveryInstance { get; }

    /// <summary>Publishes the keys of a change that has been committed.</summary>
    ValueTask PublishAsync(IReadOnlyCollection<CacheKey> keys, CancellationToken cancellationToken);
}
