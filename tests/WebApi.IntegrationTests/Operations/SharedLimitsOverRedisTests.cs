using System.Globalization;
using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// Two instances sharing one database and one Redis (<c>Redis:Configuration</c>) draw on the same abuse budgets: the
/// failed attempts per client (an IPv6 /64 being one client) and per alias, and the per-organization window.
/// Runs when <c>ALIASSERVICE_TEST_REDIS</c> names a redis-server binary (<c>scripts/test-redis.sh</c>).
/// </summary>
public sealed class SharedLimitsOverRedisTests
{
    private const int PerClient = 10;
    private const int PerAlias = 12;
    private const int PerOrganization = 6;
    private const string Passcode = "shared-budget-passcode";
    private static readonly IPAddress Proxy = IPAddress.Parse("203.0.113.20");

    private TwoInstancesOverRedis _instances = null!;

    private ConfiguredService A => _instances.A;

    private ConfiguredService B => _instances.B;

    [OneTimeSetUp]
    public async Task StartInstancesAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimiting:FailedRetrievals:PermitLimit"] = PerClient.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:FailedRetrievals:WindowSeconds"] = "3600",
            ["RateLimiting:FailedRetrievalsPerAlias:PermitLimit"] = PerAlias.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:FailedRetrievalsPerAlias:WindowSeconds"] = "3600",
            ["RateLimiting:Organization:PermitLimit"] = PerOrganization.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:Organization:WindowSeconds"] = "3600",
            ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(),
        };
        _instances = await TwoInstancesOverRedis.StartAsync(settings, ConnectFrom(Proxy));
    }

    [OneTimeTearDown]
    public async Task StopInstancesAsync()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
    }

    [Test]
    public async Task FiveWrongPasscodesOnEachInstance_FromOneIPv6Network_ThenTheNextOnEitherAnswers429()
    {
        var alias = await CreateProtectedAliasAsync();
        using var a = A.CreateAnonymousClient();
        using var b = B.CreateAnonymousClient();
        for (var attempt = 0; attempt < PerClient / 2; attempt++)
        {
            using var onA = await RetrieveAsync(a, alias, "wrong", from: $"2001:db8:7:7::{attempt + 1:x}");
            await onA.ReadErrorAsync(HttpStatusCode.Unauthorized);
            using var onB = await RetrieveAsync(b, alias, "wrong", from: $"2001:db8:7:7:ffff::{attempt + 1:x}");
            await onB.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var nextOnA = await RetrieveAsync(a, alias, "wrong", from: "2001:db8:7:7::99");
        using var nextOnB = await RetrieveAsync(b, alias, "wrong", from: "2001:db8:7:7::98");
        using var rightOnB = await RetrieveAsync(b, alias, Passcode, from: "2001:db8:7:7::97");
        using var otherNetwork = await RetrieveAsync(a, alias, Passcode, from: "2001:db8:7:8::1");

        (await nextOnA.ReadErrorAsync(HttpStatusCode.TooManyRequests)).Text("message").Should().Contain("Too many failed attempts");
        nextOnA.ShouldBePositiveSeconds();
        await nextOnB.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        await rightOnB.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        (await otherNetwork.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
    }

    // Reserve-before-check across processes: a limiter that checked and counted in two steps would let extra guesses through.
    [Test]
    public async Task TwoHundredSimultaneousWrongPasscodesOnBothInstances_AnswerExactlyTheBudgetOf401AndOtherwise429()
    {
        var alias = await CreateProtectedAliasAsync();
        using var a = A.CreateAnonymousClient();
        using var b = B.CreateAnonymousClient();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var guesses = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.Task;
            using var response = await RetrieveAsync(i % 2 == 0 ? a : b, alias, $"wrong-{i}", from: "192.0.2.44");
            return response.StatusCode;
        }).ToList();

        start.SetResult();
        var answers = await Task.WhenAll(guesses);

        answers.Count(s => s == HttpStatusCode.Unauthorized).Should().Be(PerClient);
        answers.Count(s => s == HttpStatusCode.TooManyRequests).Should().Be(200 - PerClient);
    }

    [Test]
    public async Task PasscodeGuessesFromManyClientsOnBothInstances_ShareTheAliasBudget()
    {
        var alias = await CreateProtectedAliasAsync();
        using var a = A.CreateAnonymousClient();
        using var b = B.CreateAnonymousClient();
        for (var client = 1; client <= PerAlias; client++)
        {
            using var wrong = await RetrieveAsync(client % 2 == 0 ? a : b, alias, "wrong", from: $"198.51.100.{client}");
            await wrong.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var fresh = await RetrieveAsync(b, alias, Passcode, from: "198.51.100.200");

        await fresh.ReadErrorAsync(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task ManagementCallsOnBothInstances_ShareTheOrganizationWindow()
    {
        var organization = await A.CreateOrganizationAsync();
        using var a = A.CreateClientFor(organization);
        using var b = B.CreateClientFor(organization);
        for (var call = 0; call < PerOrganization / 2; call++)
        {
            using var onA = await a.GetAsync(Routes.List);
            await onA.ReadJsonAsync(HttpStatusCode.OK);
            using var onB = await b.GetAsync(Routes.List);
            await onB.ReadJsonAsync(HttpStatusCode.OK);
        }

        using var nextOnA = await a.GetAsync(Routes.List);
        using var nextOnB = await b.GetAsync(Routes.List);

        (await nextOnA.ReadErrorAsync(HttpStatusCode.TooManyRequests)).Text("message").Should().Contain("Too many requests");
        nextOnA.ShouldBePositiveSeconds();
        await nextOnB.ReadErrorAsync(HttpStatusCode.TooManyRequests);
    }

    private static Action<IServiceCollection> ConnectFrom(IPAddress peer) =>
        services => services.AddSingleton<IStartupFilter>(new PeerAddressStartupFilter(peer));

    private async Task<string> CreateProtectedAliasAsync()
    {
        using var owner = A.CreateClientFor(await A.CreateOrganizationAsync());
        using var response = await owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{Passcode}}","expired_at":{{A.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    private static async Task<HttpResponseMessage> RetrieveAsync(HttpClient client, string alias, string passcode, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Routes.Retrieve(alias)}?passcode={Uri.EscapeDataString(passcode)}");
        request.Headers.Add("X-Forwarded-For", from);
        return await client.SendAsync(request);
    }
}
