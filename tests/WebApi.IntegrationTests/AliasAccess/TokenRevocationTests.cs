using System.Net;
using System.Text.Json;
using AliasService.Domain.Aliases;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// <c>POST /organization/api/v1/alias/{id}/tokens/revoke</c> (docs/access-rules.md, "Token lifecycle"): tokens issued
/// at or before the revocation (by <c>iat</c>), and tokens without <c>iat</c>, get 401 <c>token_revoked</c>; newer
/// ones pass; a per-user revocation leaves every other user in; revocations survive a restart and stay bounded.
/// </summary>
public sealed class TokenRevocationTests : AliasAccessTest
{
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateTargetAliasAsync() => _alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

    [Test]
    public async Task Revoke_RefusesAnOlderTokenAndAcceptsANewerOne()
    {
        var old = TokenFor("user-1").Encode();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var revocation = await RevokeAsync("{}");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = TokenFor("user-1").Encode();

        revocation.GetProperty("user_id").ValueKind.Should().Be(JsonValueKind.Null);
        revocation.Number("revoked_at").Should().Be(Factory.Now - 1);
        revocation.Text("alias_id").Should().Be(_alias.Id);
        using var refused = await RetrieveAsync(_alias.Id, old);
        await ShouldBeRefusedAsync(refused, "token_revoked", _alias, old);
        using var accepted = await RetrieveAsync(_alias.Id, newer);
        await ShouldBeViewAsync(accepted, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task Revoke_RefusesATokenMintedInTheSameSecond()
    {
        await RevokeAsync("{}");
        var sameSecond = TokenFor("user-1").Encode();

        using var response = await RetrieveAsync(_alias.Id, sameSecond);

        await ShouldBeRefusedAsync(response, "token_revoked", _alias, sameSecond);
    }

    [Test]
    public async Task Revoke_RefusesATokenWithoutIat_EvenOneMintedLater()
    {
        await RevokeAsync("{}");
        Factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var withoutIat = TokenFor("user-1").WithoutClaim("iat").Encode();

        using var response = await RetrieveAsync(_alias.Id, withoutIat);

        await ShouldBeRefusedAsync(response, "token_revoked", _alias, withoutIat);
    }

    [Test]
    public async Task Revoke_ATokenMintedByTheServiceAfterwards_IsAccepted()
    {
        await RevokeAsync("{}");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));

        using var mint = await Client.PostAsync(Routes.MintToken(_alias.Id), HttpJson.Body("""{"user_id":"user-1"}"""));
        var token = (await mint.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data").Text("token")!;
        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task RevokeOneUser_LeavesOtherUsersIn()
    {
        var kicked = TokenFor("kicked").Encode();
        var other = TokenFor("stays").Encode();
        var anonymous = TokenFor(null).Encode();

        var revocation = await RevokeAsync("""{"user_id":"kicked"}""");

        revocation.Text("user_id").Should().Be("kicked");
        using var refused = await RetrieveAsync(_alias.Id, kicked);
        await ShouldBeRefusedAsync(refused, "token_revoked", _alias, kicked);
        using var stays = await RetrieveAsync(_alias.Id, other);
        await ShouldBeViewAsync(stays, _alias, ExpectedView.Public);
        using var noUser = await RetrieveAsync(_alias.Id, anonymous);
        await ShouldBeViewAsync(noUser, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task RevokeOneUser_ComparesTheUserIdExactly()
    {
        var similar = TokenFor("Kicked ").Encode();

        await RevokeAsync("""{"user_id":"kicked"}""");

        using var response = await RetrieveAsync(_alias.Id, similar);
        await ShouldBeViewAsync(response, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task Revoke_CoversTokensOfARegisteredJwtKeyToo()
    {
        using var rsa = TestKeys.FreshRsa();
        using var register = await Client.PostAsync(Routes.JwtKeys, HttpJson.Body(JsonSerializer.Serialize(
            new Dictionary<string, string> { ["name"] = "backend", ["public_key"] = rsa.ExportSubjectPublicKeyInfoPem() })));
        var keyId = (await register.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data").Text("id");
        var token = AsymmetricJwt.ForAlias("RS256", keyId, _alias.Id, Factory.Now).SignRsaPkcs1(rsa);
        using (var before = await RetrieveAsync(_alias.Id, token))
        {
            await ShouldBeViewAsync(before, _alias, ExpectedView.Host);
        }

        await RevokeAsync("{}");

        using var after = await RetrieveAsync(_alias.Id, token);
        await ShouldBeRefusedAsync(after, "token_revoked", _alias, token);
    }

    [Test]
    public async Task Revoke_SurvivesARestart()
    {
        var old = TokenFor("user-1").Encode();
        await RevokeAsync("""{"user_id":"user-1"}""");

        await using var restarted = new AliasServiceFactory(Factory.Storage);
        restarted.Clock.SetUtcNow(Factory.Clock.GetUtcNow());
        using var anonymous = restarted.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(_alias.Id));
        request.Headers.Authorization = new("Bearer", old);
        using var response = await anonymous.SendAsync(request);

        (await response.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("token_revoked");
    }

    [Test]
    public async Task RevokingMoreUsersThanTheBound_FoldsTheOldestIntoAnAliasWideRevocation()
    {
        var early = TokenFor("someone-else").Encode();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i <= Alias.MaxUserRevocations; i++)
        {
            await RevokeAsync($$"""{"user_id":"user-{{i}}"}""");
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var later = TokenFor("someone-else").Encode();

        // Past the bound, the oldest user revocation became an alias-wide one at its time: never a revoked token let back in.
        using var oldest = await RetrieveAsync(_alias.Id, TokenFor("user-0").WithClaim("iat", Factory.Now - Alias.MaxUserRevocations - 1).Encode());
        (await oldest.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("token_revoked");
        using var earlyOther = await RetrieveAsync(_alias.Id, early);
        (await earlyOther.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("token_revoked");
        using var laterOther = await RetrieveAsync(_alias.Id, later);
        await ShouldBeViewAsync(laterOther, _alias, ExpectedView.Public);
        using var newest = await RetrieveAsync(_alias.Id, TokenFor($"user-{Alias.MaxUserRevocations}").WithClaim("iat", Factory.Now - 1).Encode());
        (await newest.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("token_revoked");
    }

    [Test]
    public async Task Revoke_AnotherOrganizationsAlias_Returns404()
    {
        var other = await Factory.CreateOrganizationAsync("Other");
        using var otherClient = Factory.CreateClientFor(other);

        using var response = await otherClient.PostAsync(Routes.RevokeTokens(_alias.Id), HttpJson.Body("{}"));

        await ShouldBeNotFoundAsync(response);
    }

    [TestCase("""{"user_id":""}""")]
    [TestCase("""{"user_id":"a\u202Eb"}""")]
    [TestCase("""{"user_id":7}""")]
    [TestCase("""{"everyone":true}""")]
    public async Task Revoke_WithABadBody_Returns400(string body)
    {
        using var response = await Client.PostAsync(Routes.RevokeTokens(_alias.Id), HttpJson.Body(body));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
    }


    private TestJwt TokenFor(string? userId)
    {
        var token = AliasToken(_alias);
        return userId is null ? token.WithoutClaim("user_id") : token.WithClaim("user_id", userId);
    }

    private async Task<JsonElement> RevokeAsync(string body)
    {
        using var response = await Client.PostAsync(Routes.RevokeTokens(_alias.Id), HttpJson.Body(body));
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        root.GetProperty("data").EnumerateObject().Select(p => p.Name).Should().Equal("alias_id", "user_id", "revoked_at");
        return root.GetProperty("data").Clone();
    }
}
