using System.Net;
using System.Net.Http.Headers;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// The failed-attempt limits over real sockets: many guesses at once, and guesses from several client addresses
/// (IPv4 and IPv6 loopback, 127.0.0.2 …). Per client and alias (here 3 per hour) no more failures are ever
/// evaluated than the budget allows, whatever the concurrency; per alias across all clients (here 7 per hour)
/// passcode guessing stops however many addresses take part, while valid alias and owner tokens keep working.
/// </summary>
public sealed class FailedAttemptsOverKestrelTests
{
    private const int PerClient = 3;
    private const int PerAlias = 7;
    private const string Passcode = "kestrel-passcode-7731";
    private const string JwtSecret = "kestrel-alias-secret-0123456789abcdef";

    private ConfiguredService _service = null!;
    private ConfiguredService _defaults = null!;

    [OneTimeSetUp]
    public void StartServices()
    {
        _service = new ConfiguredService(
            new Dictionary<string, string>
            {
                ["RateLimiting:FailedRetrievals:PermitLimit"] = $"{PerClient}",
                ["RateLimiting:FailedRetrievals:WindowSeconds"] = "3600",
                ["RateLimiting:FailedRetrievalsPerAlias:PermitLimit"] = $"{PerAlias}",
                ["RateLimiting:FailedRetrievalsPerAlias:WindowSeconds"] = "3600",
            },
            kestrelOnLoopback: true);
        _service.Start();
        _defaults = new ConfiguredService(new Dictionary<string, string>(), kestrelOnLoopback: true);
        _defaults.Start();
    }

    [OneTimeTearDown]
    public async Task StopServicesAsync()
    {
        await _service.DisposeAsync();
        await _defaults.DisposeAsync();
    }

    // Repeated on fresh aliases: a limiter that checks first and records the failure later lets extra guesses through.
    [Repeat(3)]
    [Test]
    public async Task ThreeHundredSimultaneousWrongPasscodes_WithTheShippedLimit_AnswerAtMostTen401AndOtherwise429WithRetryAfter()
    {
        var alias = await CreateAliasAsync(_defaults);
        using var client = _defaults.CreateClientFrom(IPAddress.Loopback);
        await OpenConnectionsAsync(client, 300);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A busy server runs many requests at once: give the (shared, in-process) thread pool the threads it would
        // have after ramping up under load, so the guesses are really handled concurrently.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completionPorts);
        (HttpStatusCode StatusCode, string? RetryAfter)[] answers;
        try
        {
            var guesses = Enumerable.Range(0, 300).Select(async i =>
            {
                await start.Task;
                using var response = await client.GetAsync($"{Routes.Retrieve(alias)}?passcode=wrong-{i}");
                var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
                return (response.StatusCode, retryAfter);
            }).ToList();
            start.SetResult();
            answers = await Task.WhenAll(guesses);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).Should().BeLessThanOrEqualTo(10);
        answers.Where(a => a.StatusCode != HttpStatusCode.Unauthorized).Should().OnlyContain(
            a => a.StatusCode == HttpStatusCode.TooManyRequests && a.RetryAfter != null && int.Parse(a.RetryAfter) >= 1 && int.Parse(a.RetryAfter) <= 60);
    }

    [Test]
    public async Task EachAddressHasItsOwnBudget_ButTheAliasBudgetStopsPasscodeGuessingFromAnyAddress()
    {
        var alias = await CreateAliasAsync(_service);
        using var ipv4 = _service.CreateClientFrom(IPAddress.Loopback);
        using var otherIpv4 = _service.CreateClientFrom(IPAddress.Parse("127.0.0.2"));
        using var ipv6 = _service.CreateClientFrom(IPAddress.IPv6Loopback);
        using var fresh = _service.CreateClientFrom(IPAddress.Parse("127.0.0.3"));

        await GuessAsync(ipv4, alias, PerClient, HttpStatusCode.Unauthorized);
        await GuessAsync(ipv4, alias, 1, HttpStatusCode.TooManyRequests);
        await GuessAsync(otherIpv4, alias, PerClient, HttpStatusCode.Unauthorized);
        await GuessAsync(ipv6, alias, PerAlias - (2 * PerClient), HttpStatusCode.Unauthorized);

        // 7 failures on the alias from three addresses: its budget is spent for every address, right passcode included.
        foreach (var client in new[] { ipv6, fresh })
        {
            using var response = await client.GetAsync($"{Routes.Retrieve(alias)}?passcode={Passcode}");
            await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
            response.ShouldBePositiveSeconds().Should().BeLessThanOrEqualTo(3600);
        }
    }

    [Test]
    public async Task WhileTheAliasBudgetIsSpent_ValidAliasAndOwnerTokensStillWork()
    {
        var organization = await _service.CreateOrganizationAsync();
        var alias = await CreateAliasAsync(_service, organization);
        foreach (var (address, guesses) in new[] { ("127.0.0.4", PerClient), ("127.0.0.5", PerClient), ("::1", PerAlias - (2 * PerClient)) })
        {
            using var guesser = _service.CreateClientFrom(IPAddress.Parse(address));
            await GuessAsync(guesser, alias, guesses, HttpStatusCode.Unauthorized);
        }

        using var visitor = _service.CreateClientFrom(IPAddress.Parse("127.0.0.6"));
        using (var locked = await visitor.GetAsync($"{Routes.Retrieve(alias)}?passcode={Passcode}"))
        {
            await locked.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        }

        var aliasToken = new TestJwt().WithHeader("alg", "HS256").WithHeader("typ", "JWT")
            .WithClaim("alias", alias).WithClaim("host", true).WithClaim("exp", _service.Now + 600).SignedHs256(JwtSecret).Encode();
        foreach (var token in new[] { aliasToken, _service.OrganizationToken(organization) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await visitor.SendAsync(request);
            (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
        }
    }

    private static async Task<string> CreateAliasAsync(ConfiguredService service, TestOrganization? organization = null)
    {
        using var owner = service.CreateClientFor(organization ?? await service.CreateOrganizationAsync());
        using var response = await owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{Passcode}}","jwt_secret":"{{JwtSecret}}","expired_at":{{service.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    /// <summary>Opens this many connections first, so the guesses arrive together instead of one connection setup apart.</summary>
    private static async Task OpenConnectionsAsync(HttpClient client, int count)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var warmUps = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.Task;
            using var response = await client.GetAsync("/health/live");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }).ToList();
        start.SetResult();
        await Task.WhenAll(warmUps);
    }

    private static async Task GuessAsync(HttpClient client, string alias, int times, HttpStatusCode expected)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await client.GetAsync($"{Routes.Retrieve(alias)}?passcode=wrong-{Guid.NewGuid():N}");
            await response.ReadErrorAsync(expected);
        }
    }
}
