using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AliasService.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency records past their retention, once an hour on every instance (deleting the same expired rows
/// twice is harmless). Expired records are already ignored by <see cref="IdempotencyStore"/>; this only bounds the table.
/// </summary>
internal sealed partial class IdempotencyPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pruned = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PruneExpiredAsync(stoppingToken).ConfigureAwait(false);
                LogPruned(logger, pruned);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage or a missing migration must not stop the host; the next tick tries again.
                LogPruneFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} expired idempotency record(s)")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired idempotency records failed; retrying at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
