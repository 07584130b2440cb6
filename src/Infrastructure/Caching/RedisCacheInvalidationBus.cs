using System.Text.Json;
using AliasService.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// The invalidation bus of several instances: the keys of every committed change are dropped from this instance's
/// caches at once and published on a Redis channel that every instance subscribes to, so the others drop them within
/// milliseconds. Caches run only while delivery is certain: from the start until this instance's subscription has
/// carried a message of its own back, and whenever the subscription is lost (or a publish fails), every lookup goes
/// to the database (<see cref="LocalCaches.TransportLost"/>). When the subscription is back, the instance announces a
/// flush, so that every instance (this one included) drops what it might have missed, and caches again once its own
/// announcement has come back through Redis.
/// </summary>
public sealed partial class RedisCacheInvalidationBus : ICacheInvalidationBus, IHostedService, IDisposable
{
    public const string ChannelName = "aliasservice:cache-invalidation";

    /// <summary>How long the start waits for the subscription to carry its first message (the caches are off until then).</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(3);

    private static readonly RedisChannel Channel = RedisChannel.Literal(ChannelName);

    private readonly RedisConnection _redis;
    private readonly LocalCaches _caches;
    private readonly ILogger<RedisCacheInvalidationBus> _logger;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Lock _gate = new();
    private TaskCompletionSource? _awaitedEcho;
    private string? _awaitedNonce;
    private ConnectionMultiplexer? _multiplexer;
    private bool _subscribed;

    public RedisCacheInvalidationBus(RedisConnection redis, LocalCaches caches, ILogger<RedisCacheInvalidationBus> logger)
    {
        _redis = redis;
        _caches = caches;
        _logger = logger;

        // Nothing is delivered to this instance yet: no lookup may be answered from memory.
        _caches.TransportLost();
    }

    public bool ReachesEveryInstance => true;

    public async ValueTask PublishAsync(IReadOnlyCollection<CacheKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        _caches.Invalidate(keys);
        var message = new Message(_origin, null, [.. keys.Select(k => new[] { k.Entity, k.Id })]);
        try
        {
            var subscriber = (await _redis.GetMultiplexerAsync().ConfigureAwait(false)).GetSubscriber();
            await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(message)).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // The others did not hear of this change. They get a flush when this instance reconnects; meanwhile this
            // instance reads the database, and so does every instance whose own subscription is down.
            LogPublishFailed(_logger, ex);
            _caches.TransportLost();
            _ = ResubscribeAsync();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _multiplexer = await _redis.GetMultiplexerAsync().ConfigureAwait(false);
        }
        catch (RedisUnavailableException ex)
        {
            LogSubscriptionLost(_logger, ex.Message);
            return;
        }

        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        var ready = ResubscribeAsync();
        await Task.WhenAny(ready, Task.Delay(StartWait, cancellationToken)).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is not null)
        {
            _multiplexer.ConnectionFailed -= OnConnectionFailed;
            _multiplexer.ConnectionRestored -= OnConnectionRestored;
        }

        return Task.CompletedTask;
    }

    public void Dispose() => StopAsync(CancellationToken.None).GetAwaiter().GetResult();

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            LogSubscriptionLost(_logger, e.FailureType.ToString());
            _caches.TransportLost();
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _ = ResubscribeAsync();
        }
    }

    /// <summary>
    /// Subscribes (once), then announces a flush and waits for it to come back: only a message that made the round trip
    /// proves that this instance hears the channel again. Completes when the caches are back on, or gives up (they stay
    /// off until the next restored connection).
    /// </summary>
    private async Task ResubscribeAsync()
    {
        TaskCompletionSource echo;
        string nonce;
        lock (_gate)
        {
            _awaitedEcho ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedNonce = Guid.NewGuid().ToString("N");
            echo = _awaitedEcho;
            nonce = _awaitedNonce;
        }

        try
        {
            var subscriber = (await _redis.GetMultiplexerAsync().ConfigureAwait(false)).GetSubscriber();
            if (!_subscribed)
            {
                await subscriber.SubscribeAsync(Channel, OnMessage).ConfigureAwait(false);
                _subscribed = true;
            }

            await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(new Message(_origin, nonce, null))).ConfigureAwait(false);
            await echo.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            LogSubscriptionLost(_logger, ex.GetType().Name);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue value)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(value.ToString());
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null)
        {
            // Not ours to read: drop everything rather than guess what it meant.
            _caches.InvalidateAll();
            return;
        }

        if (message.Keys is { } keys)
        {
            if (message.Origin != _origin)
            {
                _caches.Invalidate(keys.Select(k => new CacheKey(k.ElementAtOrDefault(0) ?? string.Empty, k.ElementAtOrDefault(1))));
            }

            return;
        }

        // A flush: its sender may have missed changes, or others may have missed its changes.
        if (message.Origin != _origin)
        {
            _caches.InvalidateAll();
            return;
        }

        TaskCompletionSource? echo = null;
        lock (_gate)
        {
            if (message.Flush == _awaitedNonce)
            {
                echo = _awaitedEcho;
                _awaitedEcho = null;
                _awaitedNonce = null;
            }
        }

        if (echo is not null)
        {
            _caches.TransportRestored();
            LogSubscribed(_logger);
            echo.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a cache invalidation to Redis; this instance's caches are off until its subscription is back")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache invalidation subscription lost ({Reason}); caches are off until it is back")]
    private static partial void LogSubscriptionLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache invalidation subscription to Redis is live; caches are on")]
    private static partial void LogSubscribed(ILogger logger);

    /// <summary>The wire form: keys of a change (entity, id or null), or a flush announcement with its nonce.</summary>
    private sealed record Message(
        [property: System.Text.Json.Serialization.JsonPropertyName("o")] string Origin,
        [property: System.Text.Json.Serialization.JsonPropertyName("f")] string? Flush,
        [property: System.Text.Json.Serialization.JsonPropertyName("k")] string?[][]? Keys);
}
