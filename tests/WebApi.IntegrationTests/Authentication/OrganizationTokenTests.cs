using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Authentication;

/// <summary>
/// Organization tokens (docs/api.md, "Organization tokens"): HS256, <c>kid</c> = API key id, <c>exp</c> at most 24 h ahead.
/// Every refusal is a 401 envelope with a Bearer challenge, and the request never reaches its handler.
/// </summary>
public sealed class OrganizationTokenTests : ServiceTest
{
    private const long ClockSkew = 30;
    private const long Day = 86_400;

    private HttpClient _anonymous = null!;

    [SetUp]
    public void CreateAnonymousClient() => _anonymous = Factory.CreateClient();

    [Test]
    public async Task Token_ValidHs256WithKidAndExp_IsAccepted()
    {
        using var response = await CreateWithAuthorizationAsync("Bearer " + ValidToken().Encode());

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
    public async Task Token_WithLowercaseBearerScheme_IsAccepted()
    {
        using var response = await CreateWithAuthorizationAsync("bearer " + ValidToken().Encode());

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [TestCase("GET", "list")]
    [TestCase("POST", "create")]
    [TestCase("POST", "update")]
    [TestCase("DELETE", "delete")]
    public async Task Request_WithoutAuthorizationHeader_Returns401WithBareBearerChallengeAndChangesNothing(string method, string endpoint)
    {
        var alias = await CreateAliasAsync("\"name\":\"untouched\"");
        var path = endpoint switch
        {
            "list" => Routes.List,
            "create" => Routes.Create,
            "update" => Routes.Update(alias.Text("id")!),
            _ => Routes.Delete(alias.Text("id")!),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = HttpJson.Body($$"""{"type":"live","name":"changed","expired_at":{{Factory.Now + 3600}}}""");
        }

        using var response = await _anonymous.SendAsync(request);

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        error.Text("message").Should().Be("UNAUTHORIZED");
        error.Text("reason").Should().Be("missing_token");
        var challenge = Challenge(response);
        challenge.Should().StartWith("Bearer");
        challenge.Should().NotContain("error=", "RFC 6750 section 3.1: no error code when the request carried no credentials");
        var stored = await ListAllAsync(Client);
        stored.Should().ContainSingle().Which.GetRawText().Should().Be(alias.GetRawText());
    }

    [TestCase("Basic dXNlcjpwYXNzd29yZA==")]
    [TestCase("Token abc")]
    [TestCase("Bearer")]
    [TestCase("Bearer ")]
    [TestCase("Bearer  ")]
    public async Task Request_WithAuthorizationThatIsNotABearerToken_Returns401(string authorization)
    {
        using var response = await CreateWithAuthorizationAsync(authorization);

        await ShouldBeRefusedAsync(response, tokenSent: null);
    }

    [Test]
    public async Task Request_WithValidTokenUnderAnotherScheme_Returns401()
    {
        using var response = await CreateWithAuthorizationAsync("JWT " + ValidToken().Encode());

        await ShouldBeRefusedAsync(response, tokenSent: null);
    }

    [Test]
    public async Task Request_WithTwoAuthorizationHeaders_Returns401()
    {
        var token = ValidToken().Encode();
        using var request = CreateRequest();
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + token, "Bearer " + token]);

        using var response = await _anonymous.SendAsync(request);

        await ShouldBeRefusedAsync(response, token);
    }

    [TestCase("abc")]
    [TestCase("abc.def")]
    [TestCase("a.b.c.d")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e30.c2ln.ZW5j.dGFn")] // five segments: an encrypted token
    [TestCase("..")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e30.")] // no signature
    [TestCase("eyJhbGciOiJIUzI1NiJ9..c2ln")] // no payload
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e30=.c2ln")] // padding
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e3+/.c2ln")] // base64, not base64url
    [TestCase("!!!.???.***")]
    public async Task Token_ThatIsNotAThreeSegmentBase64UrlJws_Returns401Malformed(string token)
    {
        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("malformed");
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("\"a string\"")]
    [TestCase("{}")] // no alg
    [TestCase("{\"alg\":\"HS256\",\"alg\":\"none\"}")]
    public async Task Token_WithHeaderThatIsNotAnObjectWithOneAlg_Returns401Malformed(string header)
    {
        var token = ValidToken().WithRawHeader(header).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("malformed");
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("123")]
    [TestCase("null")]
    public async Task Token_WithPayloadThatIsNotAJsonObject_Returns401Malformed(string payload)
    {
        var token = ValidToken().WithRawPayload(payload).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("malformed");
    }

    [Test]
    public async Task Token_WithDuplicateExpClaim_Returns401Malformed()
    {
        var token = ValidToken().WithRawPayload($$"""{"iat":{{Factory.Now}},"exp":{{Factory.Now - 3600}},"exp":{{Factory.Now + 3600}}}""").Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("malformed");
    }

    [Test]
    public async Task Token_SignedWithAnotherSecret_Returns401BadSignature()
    {
        var token = ValidToken().SignedHs256("sk_" + new string('x', 43)).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("bad_signature");
    }

    [Test]
    public async Task Token_WhosePayloadWasChangedAfterSigning_Returns401BadSignature()
    {
        var signed = ValidToken().Encode().Split('.');
        var otherPayload = TestJwt.Base64UrlOf($$"""{"iat":{{Factory.Now}},"exp":{{Factory.Now + 7200}}}""");
        var token = $"{signed[0]}.{otherPayload}.{signed[2]}";

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("bad_signature");
    }

    [Test]
    public async Task Token_WithTruncatedSignature_Returns401BadSignature()
    {
        var valid = ValidToken().Encode();
        var token = valid[..^4];

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("bad_signature");
    }

    [TestCase("ak_doesNotExist00")]
    [TestCase("../../etc/passwd")]
    [TestCase("' OR '1'='1")]
    public async Task Token_WithKidThatNamesNoApiKey_Returns401UnknownKey(string kid)
    {
        var token = ValidToken().WithHeader("kid", kid).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("unknown_key");
    }

    [Test]
    public async Task Token_WithoutKid_Returns401UnknownKey()
    {
        var token = ValidToken().WithoutHeader("kid").Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("unknown_key");
    }

    [Test]
    public async Task Token_OfAliasStyleWithoutKid_Returns401()
    {
        var secret = new string('a', 32);
        var alias = await CreateAliasAsync($"\"jwt_secret\":\"{secret}\"");
        var token = new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithClaim("alias", alias.Text("id"))
            .WithClaim("host", true)
            .WithClaim("user_id", "user-1")
            .WithClaim("iat", Factory.Now)
            .WithClaim("expires_in", 3600)
            .WithClaim("exp", Factory.Now + 3600)
            .SignedHs256(secret)
            .Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await ShouldBeRefusedAsync(response, token, aliasesExpected: 1);
    }

    [Test]
    public async Task Token_WithKidOfAnotherOrganizationButOwnSecret_Returns401BadSignature()
    {
        var other = await Factory.CreateOrganizationAsync("Other");
        var token = ValidToken().WithHeader("kid", other.ApiKeyId).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("bad_signature");
        (await ListAllAsync(Factory.CreateClientFor(other))).Should().BeEmpty();
    }

    [TestCase("none")]
    [TestCase("None")]
    [TestCase("NONE")]
    public async Task Token_WithAlgNoneAndNoSignature_Returns401(string alg)
    {
        var token = ValidToken().WithHeader("alg", alg).Unsigned().Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await ShouldBeRefusedAsync(response, token);
    }

    [Test]
    public async Task Token_WithAlgNoneButAValidHs256Signature_Returns401()
    {
        var token = ValidToken().WithHeader("alg", "none").Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await ShouldBeRefusedAsync(response, token);
    }

    [Test]
    public async Task Token_SignedHs512WithTheApiSecret_Returns401UnsupportedAlgorithm()
    {
        var token = ValidToken().WithHeader("alg", "HS512").SignedHs512(Organization.ApiSecret).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("unsupported_algorithm");
    }

    [Test]
    public async Task Token_SignedHs384WithTheApiSecret_Returns401UnsupportedAlgorithm()
    {
        var token = ValidToken().WithHeader("alg", "HS384").SignedHs384(Organization.ApiSecret).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("unsupported_algorithm");
    }

    [TestCase("RS256")]
    [TestCase("ES256")]
    [TestCase("hs256")]
    public async Task Token_WithOtherAlgButHs256Signature_Returns401(string alg)
    {
        var token = ValidToken().WithHeader("alg", alg).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await ShouldBeRefusedAsync(response, token);
    }

    [TestCase("crit", "[\"exp\"]")]
    [TestCase("jku", "\"https://attacker.example/jwks.json\"")]
    [TestCase("jwk", "{\"kty\":\"oct\",\"k\":\"AAAA\"}")]
    [TestCase("x5u", "\"https://attacker.example/cert.pem\"")]
    [TestCase("b64", "false")]
    [TestCase("zip", "\"DEF\"")]
    public async Task Token_WithHeaderMemberTheServiceDoesNotUnderstand_Returns401(string member, string rawValue)
    {
        var header = $$"""{"alg":"HS256","typ":"JWT","kid":{{JsonSerializer.Serialize(Organization.ApiKeyId)}},"{{member}}":{{rawValue}}}""";
        var token = ValidToken().WithRawHeader(header).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await ShouldBeRefusedAsync(response, token);
    }

    [TestCase(ClockSkew + 1)]
    [TestCase(3600)]
    [TestCase(30 * Day)]
    public async Task Token_ExpiredLongerAgoThanTheClockSkew_Returns401TokenExpired(long secondsAgo)
    {
        var token = ValidToken().WithClaim("iat", Factory.Now - secondsAgo - 60).WithClaim("exp", Factory.Now - secondsAgo).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("token_expired");
    }

    [Test]
    public async Task Token_ExpiredWithinTheClockSkew_IsAccepted()
    {
        var token = ValidToken().WithClaim("iat", Factory.Now - 60).WithClaim("exp", Factory.Now - 10).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
    public async Task Token_ExpiringExactly24HoursAhead_IsAccepted()
    {
        var token = ValidToken().WithClaim("exp", Factory.Now + Day).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [TestCase(Day + ClockSkew + 1)]
    [TestCase(7 * Day)]
    [TestCase(100 * 365 * Day)]
    public async Task Token_ExpiringMoreThan24HoursAhead_Returns401LifetimeTooLong(long secondsAhead)
    {
        var token = ValidToken().WithClaim("exp", Factory.Now + secondsAhead).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("lifetime_too_long");
    }

    [Test]
    public async Task Token_WithoutExp_Returns401MissingExpiry()
    {
        var token = ValidToken().WithoutClaim("exp").Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("missing_expiry");
    }

    [Test]
    public async Task Token_WithIatAndExpiresInButNoExp_Returns401MissingExpiry()
    {
        var token = ValidToken().WithoutClaim("exp").WithClaim("expires_in", 3600).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("missing_expiry");
    }

    [Test]
    public async Task Token_WithEmptyPayload_Returns401MissingExpiry()
    {
        var token = ValidToken().WithRawPayload("{}").Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("missing_expiry");
    }

    [TestCase(ClockSkew + 1)]
    [TestCase(3600)]
    public async Task Token_IssuedInTheFuture_Returns401IssuedInFuture(long secondsAhead)
    {
        var token = ValidToken().WithClaim("iat", Factory.Now + secondsAhead).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("issued_in_future");
    }

    [Test]
    public async Task Token_IssuedWithinTheClockSkewAhead_IsAccepted()
    {
        var token = ValidToken().WithClaim("iat", Factory.Now + 10).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [TestCase("exp", "string")]
    [TestCase("exp", "fraction")]
    [TestCase("exp", "exponent")]
    [TestCase("iat", "string")]
    [TestCase("iat", "fraction")]
    [TestCase("nbf", "string")]
    public async Task Token_WithTimeClaimAsStringOrNonInteger_Returns401InvalidClaim(string claim, string shape)
    {
        var seconds = claim == "exp" ? Factory.Now + 3600 : Factory.Now;
        var raw = shape switch
        {
            "string" => $"\"{seconds}\"",
            "fraction" => $"{seconds}.5",
            _ => $"{seconds / 10}e1",
        };
        var token = ValidToken().WithRawClaim(claim, raw).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("invalid_claim");
    }

    [TestCase("null")]
    [TestCase("true")]
    [TestCase("{}")]
    [TestCase("[1]")]
    public async Task Token_WithExpOfAnotherJsonType_Returns401(string rawExp)
    {
        var token = ValidToken().WithRawClaim("exp", rawExp).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await ShouldBeRefusedAsync(response, token);
    }

    [Test]
    public async Task Token_LongerThan8KiB_Returns401TokenTooLong()
    {
        var token = ValidToken().WithClaim("padding", new string('p', 8 * 1024)).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("token_too_long");
    }

    [Test]
    public async Task Token_NotValidBeforeALaterTime_Returns401TokenNotYetValid()
    {
        var token = ValidToken().WithClaim("nbf", Factory.Now + 3600).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token);
        error.Text("reason").Should().Be("token_not_yet_valid");
    }

    [Test]
    public async Task Token_OfARevokedApiKey_Returns401AtOnce()
    {
        using var created = await Client.PostAsync(Routes.ApiKeys, content: null);
        var newKey = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data");
        var rotated = Organization with { ApiKeyId = newKey.Text("id")!, ApiSecret = newKey.Text("secret")! };
        var oldToken = ValidToken().Encode();
        using (var revoked = await Factory.CreateClientFor(rotated).DeleteAsync(Routes.ApiKey(Organization.ApiKeyId)))
        {
            await revoked.ReadJsonAsync(HttpStatusCode.OK);
        }

        using var response = await CreateWithAuthorizationAsync("Bearer " + oldToken);

        await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        Challenge(response).Should().Contain("error=\"invalid_token\"");
        (await ListAllAsync(Factory.CreateClientFor(rotated))).Should().BeEmpty("the refused request never reached its handler");
    }

    [Test]
    public async Task Token_AcceptedBefore_IsRefusedOnceItExpires()
    {
        var token = ValidToken().WithClaim("exp", Factory.Now + 60).Encode();
        await AcceptedAsync(token);

        Factory.Clock.Advance(TimeSpan.FromSeconds(60 + ClockSkew + 1));
        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var error = await ShouldBeRefusedAsync(response, token, aliasesExpected: 1);
        error.Text("reason").Should().Be("token_expired", "a token seen before is checked against the clock again");
    }

    [Test]
    public async Task Token_AcceptedBefore_IsRefusedAtOnceAfterItsApiKeyIsRevoked()
    {
        using var created = await Client.PostAsync(Routes.ApiKeys, content: null);
        var newKey = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data");
        var rotated = Organization with { ApiKeyId = newKey.Text("id")!, ApiSecret = newKey.Text("secret")! };
        var token = ValidToken().Encode();
        await AcceptedAsync(token);

        using (var revoked = await Factory.CreateClientFor(rotated).DeleteAsync(Routes.ApiKey(Organization.ApiKeyId)))
        {
            await revoked.ReadJsonAsync(HttpStatusCode.OK);
        }

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        (await ListAllAsync(Factory.CreateClientFor(rotated))).Should().HaveCount(1, "only the request before the revocation created an alias");
    }

    [Test]
    public async Task Token_AcceptedBefore_WithAnotherSignature_Returns401BadSignature()
    {
        var token = ValidToken().Encode();
        await AcceptedAsync(token);

        var forged = ValidToken().SignedHs256(Organization.ApiSecret + "x").Encode();
        forged.Split('.')[..2].Should().Equal(token.Split('.')[..2], "only the signature differs");
        using var response = await CreateWithAuthorizationAsync("Bearer " + forged);

        var error = await ShouldBeRefusedAsync(response, forged, aliasesExpected: 1);
        error.Text("reason").Should().Be("bad_signature");
    }

    [Test]
    public async Task Token_WithUnknownClaims_IsAccepted()
    {
        var token = ValidToken().WithClaim("iss", "backend").WithClaim("aud", "aliasservice").WithClaim("jti", "1").WithClaim("sub", "ops").Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
    public async Task Token_Refused_NeverEchoesTheTokenOrTheSecret()
    {
        var token = ValidToken().WithClaim("exp", Factory.Now - 3600).Encode();

        using var response = await CreateWithAuthorizationAsync("Bearer " + token);

        var everything = Challenge(response) + await response.Content.ReadAsStringAsync()
                         + string.Join("\n", response.Headers.Select(h => h.Key + ": " + string.Join(", ", h.Value)));
        everything.Should().NotContain(token.Split('.')[1]).And.NotContain(token.Split('.')[2]).And.NotContain(Organization.ApiSecret);
    }

    private TestJwt ValidToken() => TestJwt.ForOrganization(Organization, Factory.Now);

    /// <summary>Sends <paramref name="token"/> once and expects it accepted (it creates an alias).</summary>
    private async Task AcceptedAsync(string token)
    {
        using var response = await CreateWithAuthorizationAsync("Bearer " + token);
        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    private HttpRequestMessage CreateRequest() => new(HttpMethod.Post, Routes.Create)
    {
        Content = HttpJson.Body($$"""{"type":"conference","expired_at":{{Factory.Now + 3600}}}"""),
    };

    private async Task<HttpResponseMessage> CreateWithAuthorizationAsync(string authorization)
    {
        using var request = CreateRequest();
        request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        return await _anonymous.SendAsync(request);
    }

    /// <summary>
    /// Asserts a 401 envelope with <c>UNAUTHORIZED</c> and a reason, a Bearer challenge (with <c>invalid_token</c> when a
    /// token was sent), nothing of the token echoed, and that the create never happened.
    /// </summary>
    private async Task<JsonElement> ShouldBeRefusedAsync(HttpResponseMessage response, string? tokenSent, int aliasesExpected = 0)
    {
        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        error.Text("message").Should().Be("UNAUTHORIZED");
        error.GetProperty("reason").ValueKind.Should().Be(JsonValueKind.String);
        error.Text("reason").Should().NotBeNullOrWhiteSpace();

        var challenge = Challenge(response);
        challenge.Should().StartWith("Bearer");
        if (tokenSent is not null)
        {
            challenge.Should().Contain("error=\"invalid_token\"").And.Contain("error_description=\"");
            var signature = tokenSent.Split('.')[^1];
            if (signature.Length >= 8)
            {
                challenge.Should().NotContain(signature);
                error.GetRawText().Should().NotContain(signature);
            }
        }

        (await ListAllAsync(Client)).Should().HaveCount(aliasesExpected, "a refused request never reaches its handler");
        return error;
    }

    private static string Challenge(HttpResponseMessage response)
    {
        response.Headers.TryGetValues("WWW-Authenticate", out var values).Should().BeTrue("a 401 carries a WWW-Authenticate challenge");
        return string.Join(", ", values!);
    }
}
