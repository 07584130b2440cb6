namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>The three views (docs/api.md, "Views").</summary>
public enum ExpectedView
{
    /// <summary>All fields as stored.</summary>
    Owner,

    /// <summary><c>passcode</c> and <c>jwt_secret</c> null, <c>stream_key</c> shown.</summary>
    Host,

    /// <summary><c>passcode</c>, <c>jwt_secret</c> and <c>stream_key</c> null.</summary>
    Public,
}
