namespace AliasService.Infrastructure.Redis;

/// <summary>The <c>Redis</c> configuration section: set <c>Configuration</c> to share abuse limits between instances.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=…</c>); empty keeps the limits in memory.</summary>
    public string? Configuration { get; set; }

    /// <summary>True when a Redis server is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
