using System.Net;
using System.Net.Http.Headers;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// Failed attempts on public retrieval are limited per client and alias (here 3 per hour, by configuration):
/// only 401 answers consume the allowance, and once it is used up the alias answers 429 with Retry-After to that
/// client, whatever credential it sends, while its other aliases stay reachable.
/// </summary>
public sealed class FailedRetrievalLimitTests
{
    private const int PermitLimit = 3;
    private const int WindowSeconds = 3600;
    private const string Passcode = "right-passcode-4821";

    private ConfiguredService _service = null!;
    private HttpClient _owner = null!;
    private HttpClient _visitor = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        _service = new ConfiguredService(new Dictionary<string, string>
        {
            ["RateLimiting:FailedRetrievals:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:FailedRetrievals:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _owner = _service.CreateClientFor(await _service.CreateOrganizationAsync());
        _visitor = _service.CreateAnonymousClient();
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        _owner.Dispose();
        _visitor.Dispose();
        await _service.DisposeAsync();
    }

    [Test]
    public async Task WrongPasscodes_UpToTheLimit_Answer401()
    {
        var alias = await CreateProtectedAliasAsync();

        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            using var response = await RetrieveAsync(alias, "wrong-passcode");
            (await response.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("invalid_passcode");
        }
    }

    [Test]
    public async Task AfterTheLimitOfWrongPasscodes_EvenTheRightPasscode_Answers429WithRetryAfter()
    {
        var alias = await CreateProtectedAliasAsync();
        await FailAsync(alias, PermitLimit);

        using var response = await RetrieveAsync(alias, Passcode);

        (await response.ReadErrorAsync(HttpStatusCode.TooManyRequests)).Text("message").Should().NotBeNullOrWhiteSpace();
        response.ShouldBePositiveSeconds().Should().BeLessThanOrEqualTo(WindowSeconds);
    }

    [Test]
    public async Task AfterTheLimitOnOneAlias_TheSameClientStillRetrievesAnotherAlias()
    {
        var guessed = await CreateProtectedAliasAsync();
        var other = await CreateProtectedAliasAsync();
        await FailAsync(guessed, PermitLimit);
        using (var limited = await RetrieveAsync(guessed, Passcode))
        {
            await limited.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        }

        using var response = await RetrieveAsync(other, Passcode);

        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(other);
    }

    [Test]
    public async Task SuccessfulRetrievals_ConsumeNoPermits()
    {
        var alias = await CreateProtectedAliasAsync();
        for (var i = 0; i < 10; i++)
        {
            using var allowed = await RetrieveAsync(alias, Passcode);
            await allowed.ReadJsonAsync(HttpStatusCode.OK);
        }

        await FailAsync(alias, PermitLimit);

        using var response = await RetrieveAsync(alias, Passcode);
        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task RefusedAliasTokens_ConsumePermitsToo()
    {
        var alias = await CreateProtectedAliasAsync();
        var forged = new TestJwt().WithHeader("alg", "HS256").WithHeader("typ", "JWT")
            .WithClaim("alias", alias).WithClaim("exp", _service.Now + 600).SignedHs256("not-the-alias-secret-0123456789abcdef").Encode();

        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            using var refused = await _visitor.SendAsync(request);
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await RetrieveAsync(alias, Passcode);
        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        response.ShouldBePositiveSeconds();
    }

    [Test]
    public async Task RetryAfter_IsTheTimeLeftInTheWindow_AndTheRightPasscodeWorksAgainOnceItEnds()
    {
        var alias = await CreateProtectedAliasAsync();
        await FailAsync(alias, PermitLimit);
        _service.Clock.Advance(TimeSpan.FromSeconds(1000));

        using (var limited = await RetrieveAsync(alias, Passcode))
        {
            await limited.ReadErrorAsync(HttpStatusCode.TooManyRequests);
            limited.ShouldBePositiveSeconds().Should().Be(WindowSeconds - 1000);
        }

        _service.Clock.Advance(TimeSpan.FromSeconds(WindowSeconds - 1000));
        using var response = await RetrieveAsync(alias, Passcode);
        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
    }

    [Test]
    public async Task RefusedAttemptsOnUnknownOrMalformedIds_LeaveNoLimiterState()
    {
        var alias = await CreateProtectedAliasAsync();
        await FailAsync(alias, 1);
        var before = FailedAttemptWindows.Read(_service.Services);

        // Random ids of the right shape name no alias (404, permit given back); hostile ones are refused before
        // the limiter; bearer tokens take the per-client budget only.
        var requests = Enumerable.Range(0, 600).Select(async i =>
        {
            var id = (i % 3) switch
            {
                0 => RandomString(4000),
                1 => RandomString(16),
                _ => RandomString(40),
            };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Routes.Retrieve(id)}?passcode=guess-{i}");
            if (i % 2 == 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
            }

            using var response = await _visitor.SendAsync(request);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(requests);

        statuses.Should().OnlyContain(s => s == HttpStatusCode.NotFound);
        FailedAttemptWindows.Read(_service.Services).Should().Be(before, "nothing is kept for attempts that failed no credential");
        before.Should().BeGreaterThanOrEqualTo(2, "the failure on a real alias is tracked (per client and per alias)");
    }

    private static string RandomString(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[Random.Shared.Next(64)]));

    private async Task<string> CreateProtectedAliasAsync()
    {
        using var response = await _owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{Passcode}}","expired_at":{{_service.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    private Task<HttpResponseMessage> RetrieveAsync(string alias, string passcode) =>
        _visitor.GetAsync($"{Routes.Retrieve(alias)}?passcode={Uri.EscapeDataString(passcode)}");

    private async Task FailAsync(string alias, int times)
    {
        for (var attempt = 1; attempt <= times; attempt++)
        {
            using var response = await RetrieveAsync(alias, $"wrong-{attempt}");
            await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }
    }
}
