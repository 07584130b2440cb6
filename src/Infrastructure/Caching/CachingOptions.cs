namespace AliasService.Infrastructure.Caching;

/// <summary>The <c>Caching</c> configuration section: the in-process caches of the retrieval and token paths.</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>
    /// Whether the caches may run. They only do where every change reaches them: on SQLite, or on a server database
    /// with an invalidation bus that reaches every instance.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most entries of each cache (aliases, unknown alias ids, API keys, JWT keys).</summary>
    public int MaxEntries { get; set; } = 10_000;

    public bool IsValid() => MaxEntries >= 1;
}
