using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// Alias tokens that must pass (docs/api.md, "Alias tokens"): every lifetime form, the default claims of common
/// libraries, HS256/384/512, and the 30-second clock skew, reached by moving the service's fake clock.
/// Each is a host token, so acceptance shows as the host view.
/// </summary>
public sealed class AcceptedAliasTokenTests : AliasAccessTest
{
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateTargetAliasAsync() => _alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: "7788");

    // ---- lifetime forms -------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithExpOnly_ReturnsHostView()
    {
        var token = HostToken().WithoutClaim("iat").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithIatPlusExpiresInOnly_ReturnsHostView()
    {
        // The documented claims (alias, user_id, host, expires_in) with the iat that every signing library adds.
        var token = new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithClaim("alias", _alias.Id)
            .WithClaim("user_id", "user456xxyz")
            .WithClaim("host", true)
            .WithClaim("expires_in", 3600)
            .WithClaim("iat", Factory.Now)
            .SignedHs256(_alias.Secret)
            .Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithBothExpAndIatPlusExpiresIn_ReturnsHostView()
    {
        var token = HostToken().WithClaim("expires_in", 3600).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithNbfInThePast_ReturnsHostView()
    {
        var token = HostToken().WithClaim("nbf", Factory.Now - 60).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithExpAtTheEndOfYear9999_ReturnsHostView()
    {
        var token = HostToken().WithClaim("exp", 253_402_300_799L).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    // ---- tokens as common libraries make them -------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithJokenDefaultClaimsPermissionsAndRoles_ReturnsHostView()
    {
        // Elixir Joken's generate_and_sign adds iss/aud "Joken", iat, nbf, exp (two hours) and jti.
        var token = new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithClaim("alias", _alias.Id)
            .WithClaim("aud", "Joken")
            .WithClaim("exp", Factory.Now + 7200)
            .WithClaim("expires_in", 3600)
            .WithClaim("host", true)
            .WithClaim("iat", Factory.Now)
            .WithClaim("iss", "Joken")
            .WithClaim("jti", "2tbk0o4h4ljv5rmhg8000042")
            .WithClaim("nbf", Factory.Now)
            .WithClaim("permissions", new[] { "join", "publish", "screen_share" })
            .WithClaim("roles", new[] { "moderator" })
            .WithClaim("user_id", "user456xxyz")
            .SignedHs256(_alias.Secret)
            .Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithNodeJsonwebtokenShape_ReturnsHostView()
    {
        // jwt.sign({alias, user_id, host}, secret, {algorithm: "HS256", expiresIn: "120m"}): claims, then iat, then exp.
        var token = new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithClaim("alias", _alias.Id)
            .WithClaim("user_id", "user456xxyz")
            .WithClaim("host", true)
            .WithClaim("iat", Factory.Now)
            .WithClaim("exp", Factory.Now + 7200)
            .SignedHs256(_alias.Secret)
            .Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithoutTypHeader_ReturnsHostView()
    {
        var token = HostToken().WithoutHeader("typ").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithAKidHeader_ReturnsHostViewVerifiedWithTheAliasSecret()
    {
        var token = HostToken().WithHeader("kid", "alias-key-1").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithNullUserId_ReturnsHostView()
    {
        var token = HostToken().WithClaim("user_id", null).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    // ---- algorithms -----------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithHs384_ReturnsHostView()
    {
        var token = HostToken().WithHeader("alg", "HS384").SignedHs384(_alias.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithHs512_ReturnsHostView()
    {
        var token = HostToken().WithHeader("alg", "HS512").SignedHs512(_alias.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    // ---- clock skew: 30 seconds ------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithExp20SecondsInThePast_ReturnsHostViewWithinClockSkew()
    {
        var token = HostToken().WithClaim("exp", Factory.Now + 60).Encode();
        Factory.Clock.Advance(TimeSpan.FromSeconds(80));

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithExp40SecondsInThePast_Returns401TokenExpired()
    {
        var token = HostToken().WithClaim("exp", Factory.Now + 60).Encode();
        Factory.Clock.Advance(TimeSpan.FromSeconds(100));

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithIatPlusExpiresIn20SecondsInThePast_ReturnsHostViewWithinClockSkew()
    {
        var token = HostToken().WithoutClaim("exp").WithClaim("expires_in", 60).Encode();
        Factory.Clock.Advance(TimeSpan.FromSeconds(80));

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithIatPlusExpiresIn40SecondsInThePast_Returns401TokenExpired()
    {
        var token = HostToken().WithoutClaim("exp").WithClaim("expires_in", 60).Encode();
        Factory.Clock.Advance(TimeSpan.FromSeconds(100));

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithIat20SecondsInTheFuture_ReturnsHostViewWithinClockSkew()
    {
        var token = HostToken().WithClaim("iat", Factory.Now + 20).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithIat40SecondsInTheFuture_Returns401IssuedInFuture()
    {
        var token = HostToken().WithClaim("iat", Factory.Now + 40).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "issued_in_future", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithNbf20SecondsInTheFuture_ReturnsHostViewWithinClockSkew()
    {
        var token = HostToken().WithClaim("nbf", Factory.Now + 20).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithNbf40SecondsInTheFuture_Returns401NotYetValid()
    {
        var token = HostToken().WithClaim("nbf", Factory.Now + 40).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_not_yet_valid", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithTokenThatWasAcceptedOnceTheClockPassesItsExpiry_Returns401TokenExpired()
    {
        var token = HostToken().WithClaim("exp", Factory.Now + 300).Encode();
        using (var accepted = await RetrieveAsync(_alias.Id, token))
        {
            await ShouldBeViewAsync(accepted, _alias, ExpectedView.Host);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(300 + 31));
        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    private TestJwt HostToken() => AliasToken(_alias).WithClaim("host", true);
}
