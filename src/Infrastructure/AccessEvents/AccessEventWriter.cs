using AliasService.Domain.AccessEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.AccessEvents;

/// <summary>
/// Drains <see cref="AccessEventQueue"/> in the background: waits for an event, gathers for
/// <see cref="AccessEventOptions.FlushIntervalMilliseconds"/>, then stores up to <see cref="AccessEventOptions.BatchSize"/>
/// events per save in its own scope. A failed save is tried again (three times in all), then the batch is dropped and
/// counted: a database outage never reaches the request path. On a graceful stop it stores what is still queued.
/// </summary>
public sealed partial class AccessEventWriter(
    AccessEventQueue queue, IServiceScopeFactory scopes, IOptions<AccessEventOptions> options, ILogger<AccessEventWriter> logger) : BackgroundService
{
    private const int Attempts = 3;
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Stores every event queued so far (tests and shutdown; the loop does the same on its own).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (await WriteBatchAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // Gathering is real time, not the service clock: a test clock must not stop the writer.
                await Task.Delay(interval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful stop: what is queued is stored below, within the host's shutdown timeout.
        }

        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<int> WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<AccessEvent>(Math.Min(options.Value.BatchSize, 1024));
        while (batch.Count < options.Value.BatchSize && queue.Reader.TryRead(out var e))
        {
            batch.Add(e);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var stored = await scope.ServiceProvider.GetRequiredService<AccessEventStore>().SaveAsync(batch, cancellationToken).ConfigureAwait(false);
                LogStored(logger, stored);
                return batch.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= Attempts)
                {
                    // The exception comes from the database; events hold no secret, and the message names none.
                    LogDropped(logger, batch.Count, e);
                    queue.Dropped(batch.Count);
                    return batch.Count;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Count} access event(s)")]
    private static partial void LogStored(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} access event(s) failed three times; they are dropped")]
    private static partial void LogDropped(ILogger logger, int count, Exception exception);
}
