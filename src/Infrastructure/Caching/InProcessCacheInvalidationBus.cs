namespace AliasService.Infrastructure.Caching;

/// <summary>
/// The invalidation bus of a single instance: a published key reaches this process's caches only, so on a server
/// database (several instances) the caches stay off with it (<see cref="ReachesEveryInstance"/> is false).
/// </summary>
public sealed class InProcessCacheInvalidationBus(LocalCaches caches) : ICacheInvalidationBus
{
    public bool ReachesEveryInstance => false;

    public ValueTask PublishAsync(IReadOnlyCollection<CacheKey> keys, CancellationToken cancellationToken)
    {
        caches.Invalidate(keys);
        return ValueTask.CompletedTask;
    }
}
