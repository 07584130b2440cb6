using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// <c>POST /organization/api/v1/alias/{id}/token</c> (docs/api.md, "Routes"): the minted token is read back by hand
/// (base64url + JSON, signature checked with the secret independently) and used for retrieval.
/// </summary>
public sealed class MintAliasTokenTests : AliasAccessTest
{
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateTargetAliasAsync() => _alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: "5566");

    [Test]
    public async Task Mint_WithUserIdHostAndExpiresIn_Returns201WithTokenAndExpiresAt()
    {
        using var response = await MintAsync(_alias.Id, """{"user_id":"user456xxyz","host":true,"expires_in":900}""");

        var root = await response.ReadJsonAsync(HttpStatusCode.Created);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        var data = root.GetProperty("data");
        data.EnumerateObject().Select(p => p.Name).Should().Equal("token", "expires_at");
        data.GetProperty("token").ValueKind.Should().Be(JsonValueKind.String);
        data.GetProperty("expires_at").GetRawText().Should().Be((Factory.Now + 900).ToString(CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Mint_TokenCarriesAliasUserIdHostExpiresInIatAndExpClaims()
    {
        var minted = await MintTokenAsync(_alias.Id, """{"user_id":"user456xxyz","host":true,"expires_in":900}""");

        using var payload = RawJwt.DecodeSegment(minted.Token, 1);
        var claims = payload.RootElement;
        claims.Text("alias").Should().Be(_alias.Id);
        claims.Text("user_id").Should().Be("user456xxyz");
        claims.GetProperty("host").ValueKind.Should().Be(JsonValueKind.True);
        claims.GetProperty("expires_in").GetRawText().Should().Be("900");
        claims.GetProperty("iat").GetRawText().Should().Be(Factory.Now.ToString(CultureInfo.InvariantCulture));
        claims.GetProperty("exp").GetRawText().Should().Be((Factory.Now + 900).ToString(CultureInfo.InvariantCulture));
        claims.Number("exp").Should().Be(minted.ExpiresAt);
    }

    [Test]
    public async Task Mint_TokenIsHs256SignedWithTheAliasSecret()
    {
        var minted = await MintTokenAsync(_alias.Id, """{"user_id":"u1"}""");

        minted.Token.Split('.').Should().HaveCount(3);
        using var header = RawJwt.DecodeSegment(minted.Token, 0);
        header.RootElement.Text("alg").Should().Be("HS256");
        RawJwt.HasValidHs256Signature(minted.Token, _alias.Secret).Should().BeTrue();
    }

    [Test]
    public async Task Mint_HostTokenRetrievesTheHostView()
    {
        var minted = await MintTokenAsync(_alias.Id, """{"user_id":"user456xxyz","host":true,"expires_in":3600}""");

        using var response = await RetrieveAsync(_alias.Id, minted.Token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Mint_WithoutHost_TokenSaysHostFalseAndRetrievesThePublicView()
    {
        var minted = await MintTokenAsync(_alias.Id, """{"user_id":"participant-7"}""");
        using (var payload = RawJwt.DecodeSegment(minted.Token, 1))
        {
            payload.RootElement.GetProperty("host").ValueKind.Should().Be(JsonValueKind.False);
        }

        using var response = await RetrieveAsync(_alias.Id, minted.Token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task Mint_WithoutExpiresIn_ExpiresInOneHour()
    {
        var minted = await MintTokenAsync(_alias.Id, "{}");

        minted.ExpiresAt.Should().Be(Factory.Now + 3600);
    }

    [Test]
    public async Task Mint_TokenStopsWorkingOnceExpiresInAndClockSkewHavePassed()
    {
        var minted = await MintTokenAsync(_alias.Id, """{"user_id":"u1","expires_in":60}""");
        Factory.Clock.Advance(TimeSpan.FromSeconds(60 + 31));

        using var response = await RetrieveAsync(_alias.Id, minted.Token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, minted.Token);
    }

    [Test]
    public async Task Mint_TokenForOneAliasIsRefusedOnAnother()
    {
        var other = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var minted = await MintTokenAsync(other.Id, """{"host":true}""");

        using var response = await RetrieveAsync(_alias.Id, minted.Token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, minted.Token);
    }

    [Test]
    public async Task Mint_ForAliasWithoutJwtSecret_Returns400SayingWhy()
    {
        var open = await CreateTestAliasAsync(passcode: "1234");

        using var response = await MintAsync(open.Id, """{"user_id":"u1"}""");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.Text("message").Should().Contain("jwt_secret");
    }

    [Test]
    public async Task Mint_ForAnotherOrganizationAlias_Returns404AliasNotFound()
    {
        var stranger = await Factory.CreateOrganizationAsync("Stranger");
        using var strangerClient = Factory.CreateClientFor(stranger);

        using var response = await strangerClient.PostAsync(Routes.MintToken(_alias.Id), HttpJson.Body("""{"user_id":"u1","host":true}"""));

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Mint_ForUnknownAlias_Returns404AliasNotFound()
    {
        using var response = await MintAsync("doesNotExist0000", """{"user_id":"u1"}""");

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Mint_WithUnknownBodyMember_Returns400NamingIt()
    {
        using var response = await MintAsync(_alias.Id, """{"user_id":"u1","hots":true}""");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("hots");
        error.Text("message").Should().Contain("hots");
    }

    [Test]
    public async Task Mint_WithHostAsString_Returns400NamingHost()
    {
        using var response = await MintAsync(_alias.Id, """{"user_id":"u1","host":"true"}""");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Contain("host");
    }

    [Test]
    public async Task Mint_WithZeroExpiresIn_Returns400NamingExpiresIn()
    {
        using var response = await MintAsync(_alias.Id, """{"user_id":"u1","expires_in":0}""");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Contain("expires_in");
    }

    [Test]
    public async Task Mint_WithoutOrganizationToken_Returns401()
    {
        using var response = await Anonymous.PostAsync(Routes.MintToken(_alias.Id), HttpJson.Body("""{"user_id":"u1","host":true}"""));

        await ShouldBeRefusedAsync(response, "missing_token", _alias, tokenSent: null);
    }

    [Test]
    public async Task Mint_WithAnAliasTokenInsteadOfAnOrganizationToken_Returns401()
    {
        // Alias tokens and organization tokens are not interchangeable.
        var aliasToken = AliasToken(_alias).WithClaim("host", true).Encode();
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.MintToken(_alias.Id))
        {
            Content = HttpJson.Body("""{"user_id":"u1","host":true}"""),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", aliasToken);

        using var response = await Anonymous.SendAsync(request);

        await ShouldBeRefusedAsync(response, "unknown_key", _alias, aliasToken);
    }

    private async Task<HttpResponseMessage> MintAsync(string id, string body) =>
        await Client.PostAsync(Routes.MintToken(id), HttpJson.Body(body));

    private async Task<(string Token, long ExpiresAt)> MintTokenAsync(string id, string body)
    {
        using var response = await MintAsync(id, body);
        var data = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data");
        return (data.Text("token")!, data.Number("expires_at"));
    }
}
