using System.Net;
using System.Net.Http.Headers;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// Every public retrieval adds one to <c>aliasservice.access.decisions</c> with its <c>outcome</c> and, for a
/// denial, the same <c>reason</c> the caller reads in the 401 body (with or without an OTLP exporter).
/// </summary>
public sealed class AccessDecisionMetricsTests : ServiceTest
{
    private const string Passcode = "metrics-passcode-5150";
    private const string JwtSecret = "metrics-jwt-secret-0123456789abcdef0123";

    [Test]
    public async Task RightPasscode_RecordsOneAllowedDecision()
    {
        var alias = await CreateProtectedAliasAsync();
        using var decisions = new AccessDecisionRecorder(Factory.Services);

        using var response = await Factory.CreateClient().GetAsync($"{Routes.Retrieve(alias)}?passcode={Passcode}");

        await response.ReadJsonAsync(HttpStatusCode.OK);
        var decision = decisions.Decisions.Should().ContainSingle().Subject;
        decision.Value.Should().Be(1);
        decision.Outcome.Should().Be("allowed");
    }

    [Test]
    public async Task WrongPasscode_RecordsOneDeniedDecisionWithTheReason()
    {
        var alias = await CreateProtectedAliasAsync();
        using var decisions = new AccessDecisionRecorder(Factory.Services);

        using var response = await Factory.CreateClient().GetAsync($"{Routes.Retrieve(alias)}?passcode=not-{Passcode}");

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        var decision = decisions.Decisions.Should().ContainSingle().Subject;
        decision.Value.Should().Be(1);
        decision.Outcome.Should().Be("denied");
        decision.Reason.Should().Be("invalid_passcode").And.Be(error.Text("reason"));
    }

    [Test]
    public async Task MissingCredential_RecordsOneDeniedDecisionWithTheReason()
    {
        var alias = await CreateProtectedAliasAsync();
        using var decisions = new AccessDecisionRecorder(Factory.Services);

        using var response = await Factory.CreateClient().GetAsync(Routes.Retrieve(alias));

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        var decision = decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be("denied");
        decision.Reason.Should().NotBeNullOrEmpty().And.Be(error.Text("reason"));
    }

    [Test]
    public async Task TokenForAnotherAlias_RecordsOneDeniedDecisionWithTheTokensReason()
    {
        var alias = await CreateProtectedAliasAsync();
        var token = new TestJwt().WithHeader("alg", "HS256").WithHeader("typ", "JWT")
            .WithClaim("alias", alias + "x").WithClaim("exp", Factory.Now + 600).SignedHs256(JwtSecret).Encode();
        using var decisions = new AccessDecisionRecorder(Factory.Services);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await Factory.CreateClient().SendAsync(request);

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        var decision = decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be("denied");
        decision.Reason.Should().Be("alias_mismatch").And.Be(error.Text("reason"));
    }

    [Test]
    public async Task ValidAliasToken_RecordsOneAllowedDecision()
    {
        var alias = await CreateProtectedAliasAsync();
        var token = new TestJwt().WithHeader("alg", "HS256").WithHeader("typ", "JWT")
            .WithClaim("alias", alias).WithClaim("exp", Factory.Now + 600).SignedHs256(JwtSecret).Encode();
        using var decisions = new AccessDecisionRecorder(Factory.Services);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await Factory.CreateClient().SendAsync(request);

        await response.ReadJsonAsync(HttpStatusCode.OK);
        decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be("allowed");
    }

    [Test]
    public async Task UnknownAlias_RecordsOneNotFoundDecision()
    {
        using var decisions = new AccessDecisionRecorder(Factory.Services);

        using var response = await Factory.CreateClient().GetAsync(Routes.Retrieve("noSuchAlias47110"));

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
        decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be("not_found");
    }

    private async Task<string> CreateProtectedAliasAsync() =>
        (await CreateAliasAsync($"\"passcode\":\"{Passcode}\",\"jwt_secret\":\"{JwtSecret}\"")).Text("id")!;
}
