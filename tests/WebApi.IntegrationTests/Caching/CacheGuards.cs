namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>Which of the caches' two ways of hearing about a change a test service keeps.</summary>
public enum CacheGuards
{
    /// <summary>As shipped: the keys published after each commit, and on SQLite the file's data version.</summary>
    AsShipped,

    /// <summary>Only the keys published after each commit (the SQLite data-version guard removed).</summary>
    PublishedChangesOnly,
}
