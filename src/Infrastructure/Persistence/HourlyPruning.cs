using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Deletes <typeparamref name="TTable"/>'s rows past their retention once an hour on every instance (deleting the same
/// old rows twice is harmless), in a scope of its own. A database outage or a missing migration must not stop the
/// host: the failure is logged and the next tick tries again.
/// </summary>
internal sealed partial class HourlyPruning<TTable>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HourlyPruning<TTable>> logger) : BackgroundService
    where TTable : IPrunedTable
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await using var scope = scopes.CreateAsyncScope();
            var table = scope.ServiceProvider.GetRequiredService<TTable>();
            try
            {
                LogPruned(logger, await table.PruneAsync(stoppingToken).ConfigureAwait(false), table.RowsName);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPruneFailed(logger, table.RowsName, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} {Rows} past retention")]
    private static partial void LogPruned(ILogger logger, int count, string rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {Rows} failed; retrying at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, string rows, Exception exception);
}
