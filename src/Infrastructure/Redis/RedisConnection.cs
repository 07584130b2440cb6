using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AliasService.Infrastructure.Redis;

/// <summary>
/// The one Redis connection of this process (StackExchange.Redis multiplexes every caller over it). It never refuses
/// to start because Redis is down (<c>abortConnect=false</c>) and reconnects by itself every second; while it is
/// disconnected, commands fail at once instead of queueing (so callers answer 503 quickly, never hang), and a command
/// gives up after <see cref="TimeoutMilliseconds"/> unless the configuration string sets its own timeouts.
/// </summary>
public sealed partial class RedisConnection : IAsyncDisposable
{
    /// <summary>Connect, synchronous and asynchronous timeouts unless the configuration string sets them.</summary>
    public const int TimeoutMilliseconds = 2000;

    private readonly ConfigurationOptions _configuration;
    private readonly ILogger<RedisConnection> _logger;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _configuration = ConfigurationFor(options.Value.Configuration ?? throw new InvalidOperationException("Redis:Configuration is not set."));
    }

    /// <summary>The configuration string with the service's defaults where it sets none.</summary>
    internal static ConfigurationOptions ConfigurationFor(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "aliasservice";
        if (!Mentions(configuration, "connectTimeout"))
        {
            options.ConnectTimeout = TimeoutMilliseconds;
        }

        if (!Mentions(configuration, "syncTimeout"))
        {
            options.SyncTimeout = TimeoutMilliseconds;
        }

        if (!Mentions(configuration, "asyncTimeout"))
        {
            options.AsyncTimeout = TimeoutMilliseconds;
        }

        return options;
    }

    /// <summary>The database, connecting first if this is the first use. Throws <see cref="RedisUnavailableException"/> when Redis cannot be reached.</summary>
    public async Task<IDatabase> GetDatabaseAsync()
    {
        var multiplexer = await GetMultiplexerAsync().ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    /// <summary>The shared multiplexer (also for pub/sub), connected once and kept.</summary>
    public async Task<ConnectionMultiplexer> GetMultiplexerAsync()
    {
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_multiplexer is null)
            {
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
                multiplexer.ConnectionFailed += (_, e) => LogConnectionFailed(_logger, e.EndPoint?.ToString() ?? "?", e.FailureType);
                multiplexer.ConnectionRestored += (_, e) => LogConnectionRestored(_logger, e.EndPoint?.ToString() ?? "?");
                _multiplexer = multiplexer;
            }

            return _multiplexer;
        }
        catch (RedisException ex)
        {
            throw new RedisUnavailableException("Redis cannot be reached.", ex);
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }

    /// <summary>True when <paramref name="exception"/> means Redis cannot serve right now (as opposed to a bug in a script).</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisUnavailableException or RedisConnectionException or RedisTimeoutException or TimeoutException or ObjectDisposedException
        || (exception is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("BUSY", StringComparison.Ordinal) || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal) || server.Message.StartsWith("OOM", StringComparison.Ordinal)));

    private static bool Mentions(string configuration, string option) =>
        configuration.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection to {EndPoint} failed ({FailureType}); shared limits refuse until it is back")]
    private static partial void LogConnectionFailed(ILogger logger, string endPoint, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection to {EndPoint} restored")]
    private static partial void LogConnectionRestored(ILogger logger, string endPoint);
}
