using System.Net;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Operations.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// Every answer of public retrieval other than 200, byte for byte: status, body, content type, <c>Cache-Control</c>,
/// the exact <c>WWW-Authenticate</c> challenge and the access decision recorded. These answers were produced by
/// exceptions travelling to the exception handler until refusals became results (docs/decisions/0018-credential-refusal.md);
/// the expected texts are what that code answered, so the change of mechanism cannot change a byte a client sees.
/// </summary>
public sealed class RetrievalAnswerBytesTests : AliasAccessTest
{
    private const string Passcode = "bytes-passcode-2718";
    private const string Json = "application/json; charset=utf-8";

    private static string Refused(string reason) => $"{{\"error\":{{\"message\":\"UNAUTHORIZED\",\"reason\":\"{reason}\"}}}}";

    private static string InvalidToken(string description) => $"{Realm}, error=\"invalid_token\", error_description=\"{description}\"";

    private async Task ShouldAnswerExactlyAsync(
        Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string body, string challenge, string? outcome, string? reason)
    {
        using var decisions = new AccessDecisionRecorder(Factory.Services);

        using var response = await send();

        response.StatusCode.Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Be(body);
        response.Content.Headers.ContentType!.ToString().Should().Be(Json);
        response.Headers.CacheControl!.ToString().Should().Be("no-store");
        Challenge(response).Should().Be(challenge);
        if (outcome is null)
        {
            decisions.Decisions.Should().BeEmpty();
        }
        else
        {
            var decision = decisions.Decisions.Should().ContainSingle().Subject;
            (decision.Outcome, decision.Reason).Should().Be((outcome, reason));
        }
    }

    [Test]
    public async Task NoCredentialOnAProtectedAlias_AnswersTheBareChallenge()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id), HttpStatusCode.Unauthorized, Refused("credentials_required"), Realm, "denied", "credentials_required");
    }

    [Test]
    public async Task WrongPasscode_AnswersTheBareChallenge()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, passcode: "not-" + Passcode), HttpStatusCode.Unauthorized, Refused("invalid_passcode"), Realm, "denied", "invalid_passcode");
    }

    [Test]
    public async Task AuthorizationThatIsNotABearerToken_AnswersMalformed()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        await ShouldAnswerExactlyAsync(
            () => RetrieveWithAuthorizationAsync(alias.Id, "Basic dXNlcjpwYXNz"), HttpStatusCode.Unauthorized, Refused("malformed"),
            InvalidToken("Send exactly one Authorization header of the form 'Bearer <token>'."), "denied", "malformed");
    }

    [Test]
    public async Task AuthorizationThatIsNotABearerToken_OnAMissingAlias_AnswersMalformedBeforeNotFound()
    {
        await ShouldAnswerExactlyAsync(
            () => RetrieveWithAuthorizationAsync("doesNotExist0000", "Basic dXNlcjpwYXNz"), HttpStatusCode.Unauthorized, Refused("malformed"),
            InvalidToken("Send exactly one Authorization header of the form 'Bearer <token>'."), "denied", "malformed");
    }

    [Test]
    public async Task TokenOfTwoSegments_AnswersMalformed()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, "abc.def"), HttpStatusCode.Unauthorized, Refused("malformed"),
            InvalidToken("A JWT has exactly three dot-separated segments; encrypted (five-segment) tokens are not accepted."), "denied", "malformed");
    }

    [Test]
    public async Task HeaderWithJku_AnswersUnsupportedHeaderWithTheQuoteReplaced()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(alias).WithHeader("jku", "https://attacker.example/jwks.json").SignedHs256(alias.Secret).Encode();

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, token), HttpStatusCode.Unauthorized, Refused("unsupported_header"),
            InvalidToken("The token header may hold only alg, typ ('JWT') and kid."), "denied", "unsupported_header");
    }

    [Test]
    public async Task WrongSignature_AnswersBadSignature()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, AliasToken(alias.Id, NewSecret()).Encode()), HttpStatusCode.Unauthorized, Refused("bad_signature"),
            InvalidToken("The token signature does not verify."), "denied", "bad_signature");
    }

    [Test]
    public async Task Hs512OnAnAliasWithoutSecret_AnswersBadSignatureNotThePreciseCause()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);
        var token = AliasToken(alias.Id, NewSecret()).WithHeader("alg", "HS512").SignedHs512(NewSecret()).Encode();

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, token), HttpStatusCode.Unauthorized, Refused("bad_signature"),
            InvalidToken("The token signature does not verify."), "denied", "bad_signature");
    }

    [Test]
    public async Task ExpiredToken_AnswersTokenExpired()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(alias).WithClaim("iat", Factory.Now - 7200).WithClaim("exp", Factory.Now - 3600).SignedHs256(alias.Secret).Encode();

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, token), HttpStatusCode.Unauthorized, Refused("token_expired"),
            InvalidToken("The token has expired."), "denied", "token_expired");
    }

    [Test]
    public async Task TokenOfAnotherAlias_AnswersAliasMismatch()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(alias).WithClaim("alias", alias.Id + "x").SignedHs256(alias.Secret).Encode();

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, token), HttpStatusCode.Unauthorized, Refused("alias_mismatch"),
            InvalidToken("The alias claim must be a JSON string equal to the alias id."), "denied", "alias_mismatch");
    }

    [Test]
    public async Task UnknownId_AnswersNotFound()
    {
        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync("doesNotExist0000", passcode: Passcode), HttpStatusCode.NotFound, "{\"error\":{\"message\":\"Alias not found\"}}", string.Empty, "not_found", "none");
    }

    [Test]
    public async Task IdThatCannotBeAnAliasId_AnswersNotFoundBeforeAnyDecision()
    {
        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync("not an id!", passcode: Passcode), HttpStatusCode.NotFound, "{\"error\":{\"message\":\"Alias not found\"}}", string.Empty, null, null);
    }

    [Test]
    public async Task ExpiredAlias_AnswersGone()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode, expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(601));

        await ShouldAnswerExactlyAsync(
            () => RetrieveAsync(alias.Id, passcode: Passcode), HttpStatusCode.Gone, "{\"error\":{\"message\":\"Alias expired\"}}", string.Empty, "expired", "none");
    }
}
