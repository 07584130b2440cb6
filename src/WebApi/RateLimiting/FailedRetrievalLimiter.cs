using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AliasService.WebApi.RateLimiting;

/// <summary>
/// Limits failed credential attempts on public retrieval per (client address, alias) with the built-in
/// fixed-window limiter. Only failures (401) consume permits, so a legitimate caller is never slowed down, and a
/// caller hammering one alias does not affect anyone else's access to another alias.
/// </summary>
internal sealed class FailedRetrievalLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public FailedRetrievalLimiter(IOptions<RateLimitingOptions> options)
    {
        var window = options.Value.FailedRetrievals;
        _window = window.Window;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True while the caller still has failed attempts left for this alias; otherwise the seconds to wait.</summary>
    public bool IsAllowed(string client, string aliasId, out int retryAfterSeconds)
    {
        using var lease = _limiter.AttemptAcquire(Key(client, aliasId), 0);
        retryAfterSeconds = lease.IsAcquired ? 0 : RetryAfter(lease);
        return lease.IsAcquired;
    }

    public void RecordFailure(string client, string aliasId)
    {
        using var _ = _limiter.AttemptAcquire(Key(client, aliasId), 1);
    }

    public void Dispose() => _limiter.Dispose();

    private int RetryAfter(RateLimitLease lease) =>
        (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window).TotalSeconds);

    private static string Key(string client, string aliasId) => string.Create(CultureInfo.InvariantCulture, $"{client}\n{aliasId}");
}
