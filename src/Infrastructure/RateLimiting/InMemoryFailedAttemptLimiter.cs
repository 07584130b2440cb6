using System.Diagnostics.Metrics;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window failed-attempt budgets in this process's memory. One lock makes "check and take a permit" a single
/// step, so concurrent attempts can never take more permits than a window holds. State stays bounded under any
/// input: a window whose permits all came back is removed at once, expired windows are swept, and at most
/// <see cref="RateLimitingOptions.MaxTrackedWindows"/> windows exist (beyond that, attempts needing a new window
/// are refused until room is made). The number of tracked windows is published as
/// <c>aliasservice.failed_attempts.windows</c>.
/// </summary>
internal sealed partial class InMemoryFailedAttemptLimiter : IFailedAttemptLimiter
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly RateLimitingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<InMemoryFailedAttemptLimiter> _logger;
    private DateTimeOffset _nextSweep;
    private DateTimeOffset _earliestEnd = DateTimeOffset.MaxValue;
    private DateTimeOffset _nextCapWarning;

    public InMemoryFailedAttemptLimiter(IOptions<RateLimitingOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<InMemoryFailedAttemptLimiter> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        meters.Create(ServiceMetrics.MeterName).CreateObservableGauge(
            "aliasservice.failed_attempts.windows", () => TrackedWindows, unit: "{window}",
            description: "Failed-attempt windows tracked in memory (per client and alias, and per alias).");
    }

    /// <summary>How many windows are tracked right now (the gauge).</summary>
    private int TrackedWindows
    {
        get
        {
            lock (_lock)
            {
                return _windows.Count;
            }
        }
    }

    public ValueTask<AttemptReservation> ReserveAsync(FailedAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            SweepIfDue(now);

            if (!TryTake($"client\n{attempt.Client}\n{attempt.AliasId}", _options.FailedRetrievals, now, out var clientPermit, out var retryAfter))
            {
                return ValueTask.FromResult(AttemptReservation.Refused(retryAfter));
            }

            if (!attempt.IsPasscodeGuess)
            {
                return ValueTask.FromResult(new AttemptReservation(true, TimeSpan.Zero, [clientPermit]));
            }

            if (!TryTake($"alias\n{attempt.AliasId}", _options.FailedRetrievalsPerAlias, now, out var aliasPermit, out retryAfter))
            {
                GiveBack(clientPermit);
                return ValueTask.FromResult(AttemptReservation.Refused(retryAfter));
            }

            return ValueTask.FromResult(new AttemptReservation(true, TimeSpan.Zero, [clientPermit, aliasPermit]));
        }
    }

    public ValueTask ReleaseAsync(AttemptReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (_lock)
        {
            foreach (var permit in reservation.Permits)
            {
                GiveBack(permit);
            }
        }

        return ValueTask.CompletedTask;
    }

    private bool TryTake(string key, RateLimitingOptions.WindowOptions limit, DateTimeOffset now, out ReservedPermit permit, out TimeSpan retryAfter)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            if (_windows.Count >= _options.MaxTrackedWindows)
            {
                permit = null!;
                retryAfter = RefuseAtCap(now);
                return false;
            }

            window = new Window(now, limit.Window);
            _windows[key] = window;
            _earliestEnd = window.End < _earliestEnd ? window.End : _earliestEnd;
        }
        else if (window.HasEnded(now))
        {
            window.Restart(now);
        }

        if (window.Count >= limit.PermitLimit)
        {
            permit = null!;
            retryAfter = window.End - now;
            return false;
        }

        window.Count++;
        permit = new ReservedPermit(key, window.Start);
        retryAfter = TimeSpan.Zero;
        return true;
    }

    private void GiveBack(ReservedPermit permit)
    {
        // A permit from a window that has since ended (and maybe restarted) belongs to no current window.
        if (_windows.TryGetValue(permit.Key, out var window) && window.Start == permit.WindowStart && window.Count > 0
            && --window.Count == 0)
        {
            _windows.Remove(permit.Key);
        }
    }

    /// <summary>At the cap (already swept): refused until the first window ends and the next sweep removes it.</summary>
    private TimeSpan RefuseAtCap(DateTimeOffset now)
    {
        if (now >= _nextCapWarning)
        {
            _nextCapWarning = now + TimeSpan.FromMinutes(1);
            LogAtCap(_logger, _windows.Count);
        }

        return (_earliestEnd > _nextSweep ? _earliestEnd : _nextSweep) - now;
    }

    /// <summary>Sweeps when some window may have ended, at most once per interval, so a flood costs no more than usual.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now >= _earliestEnd && now >= _nextSweep)
        {
            Sweep(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        _nextSweep = now + SweepInterval;
        _earliestEnd = DateTimeOffset.MaxValue;
        foreach (var (key, window) in _windows)
        {
            if (window.HasEnded(now))
            {
                _windows.Remove(key);
            }
            else if (window.End < _earliestEnd)
            {
                _earliestEnd = window.End;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed-attempt limiter at its cap of {Count} windows: attempts that need a new window are refused (429) until windows expire")]
    private static partial void LogAtCap(ILogger logger, int count);

    private sealed class Window(DateTimeOffset start, TimeSpan length)
    {
        public DateTimeOffset Start { get; private set; } = start;

        public int Count { get; set; }

        public DateTimeOffset End => Start + length;

        public bool HasEnded(DateTimeOffset now) => now >= End;

        public void Restart(DateTimeOffset now)
        {
            Start = now;
            Count = 0;
        }
    }
}
