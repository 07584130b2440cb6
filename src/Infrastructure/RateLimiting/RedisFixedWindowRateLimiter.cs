using System.Threading.RateLimiting;
using AliasService.Infrastructure.Redis;
using StackExchange.Redis;

namespace AliasService.Infrastructure.RateLimiting;

/// <summary>
/// One fixed window (a partition of the per-organization limit) counted in Redis, so every instance draws on the same
/// budget: one atomic script increments the window's counter, starts its expiry on the first request and answers
/// whether the count is within the limit. Permits are not given back (requests, not failures, are counted).
/// While Redis cannot answer, the partition falls back to a window in this process's memory: management stays
/// available and still limited (per instance, as without Redis), instead of failing with Redis.
/// </summary>
public sealed class RedisFixedWindowRateLimiter(RedisConnection redis, string partition, FixedWindowRateLimiterOptions options) : RateLimiter
{
    public const string KeyPrefix = "aliasservice:window:";

    // KEYS[1]: the window; ARGV: limit, window (ms), permits. Answers -1 (granted) or the ms until the window ends (refused).
    private const string AcquireScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[3])
        if count == tonumber(ARGV[3]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        if count > tonumber(ARGV[1]) then
          return redis.call('PTTL', KEYS[1])
        end
        return -1
        """;

    private static readonly RateLimitLease Granted = new Lease(true, null);
    private static readonly RateLimitLease NotWithoutWaiting = new Lease(false, null);

    private FixedWindowRateLimiter? _fallback;
    private readonly RedisKey _key = KeyPrefix + partition;
    private long _lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Counting needs a round trip: the synchronous attempt defers to <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : NotWithoutWaiting;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        if (permitCount == 0)
        {
            return Granted;
        }

        long answer;
        try
        {
            var database = await redis.GetDatabaseAsync().ConfigureAwait(false);
            answer = (long)await database.ScriptEvaluateAsync(
                AcquireScript, [_key], [options.PermitLimit, (long)options.Window.TotalMilliseconds, permitCount]).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            return await LazyInitializer.EnsureInitialized(ref _fallback, () => new FixedWindowRateLimiter(options))
                .AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }

        return answer < 0 ? Granted : new Lease(false, TimeSpan.FromMilliseconds(Math.Max(1, answer)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback?.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (_fallback is not null)
        {
            await _fallback.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
