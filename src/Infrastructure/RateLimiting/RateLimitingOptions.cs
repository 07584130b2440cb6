namespace AliasService.Infrastructure.RateLimiting;

/// <summary>The <c>RateLimiting</c> configuration section (fixed windows, per instance).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Failed passcode or token attempts on public retrieval, per client (address; IPv6 by /64) and alias.</summary>
    public WindowOptions FailedRetrievals { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Failed passcode attempts on public retrieval, per alias across all clients.</summary>
    public WindowOptions FailedRetrievalsPerAlias { get; set; } = new() { PermitLimit = 500, WindowSeconds = 600 };

    /// <summary>
    /// The most (client, alias) and alias windows tracked at once. At the cap, an attempt that would need a new
    /// window is refused (429) until expired windows make room: never unlimited guessing, never unbounded memory.
    /// </summary>
    public int MaxTrackedWindows { get; set; } = 100_000;

    /// <summary>Requests to <c>/organization/api/v1/*</c>, per organization (per client address before authentication).</summary>
    public WindowOptions Organization { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>True when every limit and window is at least 1.</summary>
    public bool IsValid() =>
        FailedRetrievals.IsValid() && FailedRetrievalsPerAlias.IsValid() && Organization.IsValid() && MaxTrackedWindows >= 1;

    public sealed class WindowOptions
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

        internal bool IsValid() => PermitLimit >= 1 && WindowSeconds >= 1;
    }
}
