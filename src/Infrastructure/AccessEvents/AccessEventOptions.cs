namespace AliasService.Infrastructure.AccessEvents;

/// <summary>The <c>AccessEvents</c> configuration section (docs/operations.md, "Access events").</summary>
public sealed class AccessEventOptions
{
    public const string SectionName = "AccessEvents";

    /// <summary>Whether access events are recorded at all; off, nothing is queued or stored (the listing stays, with what is stored).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events older than this many days are pruned in the background.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>The most events waiting to be stored; past it, new events are dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>The most events stored in one batch.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>How long the writer gathers events before it stores them; the most a <c>kill -9</c> can lose, besides a batch being written.</summary>
    public int FlushIntervalMilliseconds { get; set; } = 250;

    public bool IsValid() => RetentionDays >= 1 && QueueCapacity >= 1 && BatchSize >= 1 && FlushIntervalMilliseconds is >= 1 and <= 1000;
}
