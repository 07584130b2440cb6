using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AliasService.Infrastructure.RateLimiting;

/// <summary>
/// The failed-attempt budgets of <see cref="InMemoryFailedAttemptLimiter"/>, counted in Redis so every instance draws on
/// the same ones. Reserve and release are each one Lua script, so "check every budget, then take from every budget"
/// is atomic across instances exactly as the in-memory lock makes it within one. A window is a hash (start, count)
/// that Redis expires when the window ends, so windows need no sweeping; its start is Redis's own clock, so instances
/// with skewed clocks still agree. The keys of one alias share a hash tag (one Redis Cluster slot).
/// Fails closed: when Redis cannot answer, <see cref="ReserveAsync"/> throws <see cref="RedisUnavailableException"/>
/// (503), never grants.
/// </summary>
internal sealed partial class RedisFailedAttemptLimiter(
    RedisConnection redis, IOptions<RateLimitingOptions> options, ILogger<RedisFailedAttemptLimiter> logger) : IFailedAttemptLimiter
{
    public const string KeyPrefix = "aliasservice:failed:";

    // KEYS: the budgets; ARGV: limit and window (ms) of each. Answers {1, start…} (granted, each window's start in ms
    // of Redis time) or {0, ms until the refusing window ends}. Nothing is taken unless every budget has room.
    private const string ReserveScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        for i, key in ipairs(KEYS) do
          local count = tonumber(redis.call('HGET', key, 'n') or '0')
          if count >= tonumber(ARGV[2 * i - 1]) then
            return {0, redis.call('PTTL', key)}
          end
        end
        local answer = {1}
        for i, key in ipairs(KEYS) do
          local start = redis.call('HGET', key, 's')
          if start then
            redis.call('HINCRBY', key, 'n', 1)
          else
            start = string.format('%d', now)
            redis.call('HSET', key, 's', start, 'n', 1)
            redis.call('PEXPIRE', key, ARGV[2 * i])
          end
          answer[#answer + 1] = start
        end
        return answer
        """;

    // KEYS[i]: a budget; ARGV[i]: the start of the window its permit came from. A permit of an ended window changes
    // nothing; a window whose permits all came back is deleted.
    private const string ReleaseScript = """
        for i, key in ipairs(KEYS) do
          if redis.call('HGET', key, 's') == ARGV[i] then
            if redis.call('HINCRBY', key, 'n', -1) <= 0 then
              redis.call('DEL', key)
            end
          end
        end
        return 0
        """;

    private readonly RateLimitingOptions _options = options.Value;

    public async ValueTask<AttemptReservation> ReserveAsync(FailedAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        RedisKey[] keys = attempt.IsPasscodeGuess
            ? [ClientKey(attempt), AliasKey(attempt)]
            : [ClientKey(attempt)];
        RedisValue[] limits = attempt.IsPasscodeGuess
            ? [.. Limit(_options.FailedRetrievals), .. Limit(_options.FailedRetrievalsPerAlias)]
            : Limit(_options.FailedRetrievals);

        RedisResult[] answer;
        try
        {
            var database = await redis.GetDatabaseAsync().ConfigureAwait(false);
            answer = (RedisResult[])(await database.ScriptEvaluateAsync(ReserveScript, keys, limits).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            throw new RedisUnavailableException("The failed-attempt budgets in Redis cannot be reached.", ex);
        }

        if ((long)answer[0] == 0)
        {
            return AttemptReservation.Refused(TimeSpan.FromMilliseconds(Math.Max(1, (long)answer[1])));
        }

        var permits = new ReservedPermit[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            permits[i] = new ReservedPermit(keys[i]!, DateTimeOffset.FromUnixTimeMilliseconds((long)answer[i + 1]));
        }

        return new AttemptReservation(true, TimeSpan.Zero, permits);
    }

    public async ValueTask ReleaseAsync(AttemptReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (reservation.Permits.Count == 0)
        {
            return;
        }

        var keys = reservation.Permits.Select(p => (RedisKey)p.Key).ToArray();
        var starts = reservation.Permits.Select(p => (RedisValue)p.WindowStart.ToUnixTimeMilliseconds()).ToArray();
        try
        {
            var database = await redis.GetDatabaseAsync().ConfigureAwait(false);
            await database.ScriptEvaluateAsync(ReleaseScript, keys, starts).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // The permit stays taken until its window ends: a budget that is too small for a while, never too large.
            LogReleaseFailed(logger, ex);
        }
    }

    private static RedisValue[] Limit(RateLimitingOptions.WindowOptions window) =>
        [window.PermitLimit, (long)window.Window.TotalMilliseconds];

    private static string ClientKey(FailedAttempt attempt) => $"{KeyPrefix}{{{attempt.AliasId}}}:client:{attempt.Client}";

    private static string AliasKey(FailedAttempt attempt) => $"{KeyPrefix}{{{attempt.AliasId}}}:alias";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back failed-attempt permits in Redis; they stay taken until their window ends")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
