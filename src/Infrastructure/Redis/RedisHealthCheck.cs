using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AliasService.Infrastructure.Redis;

/// <summary>Ready = Redis answers a PING (the shared abuse limits can be counted).</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await redis.GetDatabaseAsync().ConfigureAwait(false);
            await database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Reachable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception text may name hosts; the check reports only that it failed.
            return HealthCheckResult.Unhealthy("Redis cannot be reached.");
        }
    }
}
