using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AliasService.Infrastructure.AccessEvents;

/// <summary>
/// Deletes access events past <see cref="AccessEventOptions.RetentionDays"/> once an hour on every instance (deleting
/// the same old rows twice is harmless).
/// </summary>
internal sealed partial class AccessEventPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AccessEventPruning> logger) : BackgroundService
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
                var pruned = await scope.ServiceProvider.GetRequiredService<AccessEventStore>().PruneAsync(stoppingToken).ConfigureAwait(false);
                LogPruned(logger, pruned);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage must not stop the host; the next tick tries again.
                LogPruneFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} access event(s) past retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning access events failed; retrying at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
