using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// <c>POST …/alias/{id}/token/inspect</c> (docs/access-rules.md, "Debugging a refused token"): the owner learns why a
/// token is refused, including the precise causes public retrieval hides, and no answer ever holds a secret or the
/// signature.
/// </summary>
public sealed class TokenInspectionTests : AliasAccessTest
{
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateTargetAliasAsync() => _alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: "1357");

    [Test]
    public async Task Inspect_AValidHostToken_SaysValidWithTheViewKeyAndTimes()
    {
        var token = AliasToken(_alias).WithClaim("host", true);

        var inspection = await InspectAsync(token.Encode());

        inspection.GetProperty("valid").GetBoolean().Should().BeTrue();
        inspection.GetProperty("reason").ValueKind.Should().Be(JsonValueKind.Null);
        inspection.Text("view").Should().Be("host");
        inspection.Text("key").Should().Be("jwt_secret");
        inspection.Text("algorithm").Should().Be("HS256");
        inspection.GetProperty("header").Text("alg").Should().Be("HS256");
        inspection.GetProperty("claims").Text("alias").Should().Be(_alias.Id);
        inspection.Number("issued_at").Should().Be(Factory.Now);
        inspection.Number("expires_at").Should().Be(Factory.Now + 3600);
        inspection.Number("server_time").Should().Be(Factory.Now);
        inspection.Number("clock_skew_seconds").Should().Be(30);
        inspection.GetProperty("revocations").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Inspect_Expired() =>
        (await ReasonAsync(AliasToken(_alias).WithClaim("iat", Factory.Now - 7200).WithClaim("exp", Factory.Now - 3600).Encode())).Should().Be("token_expired");

    [Test]
    public async Task Inspect_NotYetValid() =>
        (await ReasonAsync(AliasToken(_alias).WithClaim("nbf", Factory.Now + 600).Encode())).Should().Be("token_not_yet_valid");

    [Test]
    public async Task Inspect_IssuedInTheFuture() =>
        (await ReasonAsync(AliasToken(_alias).WithClaim("iat", Factory.Now + 600).Encode())).Should().Be("issued_in_future");

    [Test]
    public async Task Inspect_WrongAlias() =>
        (await ReasonAsync(AliasToken("AAAAAAAAAAAAAAAA", _alias.Secret).Encode())).Should().Be("alias_mismatch");

    [Test]
    public async Task Inspect_BadSignature() =>
        (await ReasonAsync(AliasToken(_alias.Id, NewSecret()).Encode())).Should().Be("bad_signature");

    [Test]
    public async Task Inspect_UnknownKid() =>
        (await ReasonAsync(AsymmetricJwt.ForAlias("RS256", "jwk_AAAAAAAAAAAAAAAA", _alias.Id, Factory.Now).SignHmacSha256([1, 2, 3]))).Should().Be("unknown_key");

    [Test]
    public async Task Inspect_WrongAlgorithm() =>
        (await ReasonAsync(AliasToken(_alias).WithHeader("alg", "RS512").Encode())).Should().Be("unsupported_algorithm");

    [Test]
    public async Task Inspect_Revoked_ListsTheRevocation()
    {
        var token = AliasToken(_alias).WithClaim("user_id", "kicked").Encode();
        using (var revoke = await Client.PostAsync(Routes.RevokeTokens(_alias.Id), HttpJson.Body("""{"user_id":"kicked"}""")))
        {
            revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var inspection = await InspectAsync(token);

        inspection.Text("reason").Should().Be("token_revoked");
        var revocation = inspection.GetProperty("revocations").EnumerateArray().Should().ContainSingle().Subject;
        revocation.Text("user_id").Should().Be("kicked");
        revocation.Number("revoked_at").Should().Be(Factory.Now);
    }

    [Test]
    public async Task Inspect_Hs512WithAShortSecret_NamesThePreciseCauseThatRetrievalHides()
    {
        _alias = await CreateTestAliasAsync(jwtSecret: "a-secret-of-forty-bytes-0123456789abcdef", passcode: "1357");
        var token = AliasToken(_alias).WithHeader("alg", "HS512").SignedHs512(_alias.Secret).Encode();

        var inspection = await InspectAsync(token);
        using var retrieval = await RetrieveAsync(_alias.Id, token);

        inspection.Text("reason").Should().Be("hs512_secret_too_short");
        inspection.Text("description").Should().Contain("64 bytes");
        (await retrieval.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("bad_signature");
    }

    [Test]
    public async Task Inspect_OfAnotherOrganizationsAlias_Returns404()
    {
        var other = await Factory.CreateOrganizationAsync("Other");
        using var otherClient = Factory.CreateClientFor(other);

        using var response = await otherClient.PostAsync(Routes.InspectToken(_alias.Id), HttpJson.Body(JsonSerializer.Serialize(new { token = AliasToken(_alias).Encode() })));

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Inspect_ManyRefusedTokens_NeverCountsAgainstTheFailedAttemptLimit()
    {
        for (var i = 0; i < 15; i++)
        {
            await ReasonAsync(AliasToken(_alias.Id, NewSecret()).Encode());
        }

        using var response = await RetrieveAsync(_alias.Id, AliasToken(_alias).Encode());

        await ShouldBeViewAsync(response, _alias, ExpectedView.Public);
    }

    [TestCase("""{}""")]
    [TestCase("""{"token":""}""")]
    [TestCase("""{"token":7}""")]
    public async Task Inspect_WithoutAToken_Returns400NamingIt(string body)
    {
        using var response = await Client.PostAsync(Routes.InspectToken(_alias.Id), HttpJson.Body(body));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Contain("token");
    }


    private async Task<string?> ReasonAsync(string token)
    {
        var inspection = await InspectAsync(token);
        inspection.GetProperty("valid").GetBoolean().Should().BeFalse();
        inspection.Text("description").Should().NotBeNullOrWhiteSpace();
        return inspection.Text("reason");
    }

    /// <summary>Inspects and checks the answer's shape, and that it holds no secret of the alias nor the token's signature.</summary>
    private async Task<JsonElement> InspectAsync(string token)
    {
        using var response = await Client.PostAsync(Routes.InspectToken(_alias.Id), HttpJson.Body(JsonSerializer.Serialize(new { token })));
        var text = await response.Content.ReadAsStringAsync();
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        var data = root.GetProperty("data");
        data.EnumerateObject().Select(p => p.Name).Should().Equal(
            "valid", "reason", "description", "algorithm", "key", "header", "claims", "issued_at", "not_before", "expires_at",
            "server_time", "clock_skew_seconds", "view", "revocations");
        text.Should().NotContain(_alias.Secret).And.NotContain(_alias.Passcode!).And.NotContain(_alias.StreamKey!).And.NotContain(Organization.ApiSecret);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        if (signature.Length > 0)
        {
            text.Should().NotContain(signature);
        }

        text.Should().NotContain(token);
        return data.Clone();
    }
}
