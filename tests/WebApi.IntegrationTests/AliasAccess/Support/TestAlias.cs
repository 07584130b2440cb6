namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>An alias created for a test, with the secrets it was created with (null when it has none).</summary>
public sealed record TestAlias(string Id, string Name, string? Passcode, string? JwtSecret, string? StreamKey, long ExpiredAt)
{
    /// <summary>The JWT secret; fails the test when the alias was created without one.</summary>
    public string Secret => JwtSecret ?? throw new InvalidOperationException("This test alias has no jwt_secret.");

    // Secrets must never show up in test output by accident.
    public override string ToString() => $"TestAlias {{ Id = {Id} }}";
}
