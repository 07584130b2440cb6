namespace AliasService.WebApi.RateLimiting;

/// <summary>The <c>RateLimiting</c> configuration section (fixed windows, per instance).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Failed passcode or token attempts on public retrieval, per client address and alias.</summary>
    public WindowOptions FailedRetrievals { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Requests to <c>/organization/api/v1/*</c>, per organization (per client address before authentication).</summary>
    public WindowOptions Organization { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public sealed class WindowOptions
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
    }
}
