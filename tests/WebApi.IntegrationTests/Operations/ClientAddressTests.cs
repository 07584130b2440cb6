using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// Rate limits key on the client's address: the connection's own, unless the connection comes from a proxy
/// listed in <c>ForwardedHeaders:KnownProxies</c>. A client cannot escape a limit by sending
/// <c>X-Forwarded-For</c> itself; behind a trusted proxy, each forwarded client has its own allowance.
/// </summary>
public sealed class ClientAddressTests
{
    private const string Passcode = "client-address-passcode";
    private static readonly IPAddress Peer = IPAddress.Parse("203.0.113.10");

    /// <summary>Clients connect directly (no trusted proxy); 3 failed retrievals, 2 management calls per hour.</summary>
    private ConfiguredService _direct = null!;

    /// <summary>Every connection comes from a trusted proxy; 3 failed retrievals per hour.</summary>
    private ConfiguredService _proxied = null!;

    [OneTimeSetUp]
    public void StartServices()
    {
        _direct = new ConfiguredService(
            new Dictionary<string, string>
            {
                ["RateLimiting:FailedRetrievals:PermitLimit"] = "3",
                ["RateLimiting:FailedRetrievals:WindowSeconds"] = "3600",
                ["RateLimiting:Organization:PermitLimit"] = "2",
                ["RateLimiting:Organization:WindowSeconds"] = "3600",
            },
            replaceServices: ConnectFrom(Peer));
        _direct.Start();
        _proxied = new ConfiguredService(
            new Dictionary<string, string>
            {
                ["RateLimiting:FailedRetrievals:PermitLimit"] = "3",
                ["RateLimiting:FailedRetrievals:WindowSeconds"] = "3600",
                ["ForwardedHeaders:KnownProxies:0"] = Peer.ToString(),
            },
            replaceServices: ConnectFrom(Peer));
        _proxied.Start();
    }

    [OneTimeTearDown]
    public async Task StopServicesAsync()
    {
        await _direct.DisposeAsync();
        await _proxied.DisposeAsync();
    }

    // With no proxy configured, a client's own X-Forwarded-For must not pick its rate-limit partition.
    [Test]
    public async Task ForwardedForFromAClient_DoesNotEscapeTheFailedRetrievalLimit()
    {
        var alias = await CreateProtectedAliasAsync(_direct);
        using var client = _direct.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var refused = await RetrieveAsync(client, alias, "wrong", forwardedFor: $"198.51.100.{attempt}");
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await RetrieveAsync(client, alias, Passcode, forwardedFor: "198.51.100.99");

        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        response.ShouldBePositiveSeconds();
    }

    // With no proxy configured, a client's own X-Forwarded-For must not pick its rate-limit partition.
    [Test]
    public async Task ForwardedForFromAClient_DoesNotEscapeTheLimitOnUnauthenticatedManagementCalls()
    {
        using var client = _direct.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var refused = await SendAsync(client, HttpMethod.Get, Routes.List, forwardedFor: $"198.51.100.{attempt}");
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await SendAsync(client, HttpMethod.Get, Routes.List, forwardedFor: "198.51.100.99");

        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        response.ShouldBePositiveSeconds();
    }

    [Test]
    public async Task BehindATrustedProxy_EachForwardedClientHasItsOwnAllowance()
    {
        var alias = await CreateProtectedAliasAsync(_proxied);
        using var proxy = _proxied.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var refused = await RetrieveAsync(proxy, alias, "wrong", forwardedFor: "198.51.100.1");
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using (var limited = await RetrieveAsync(proxy, alias, Passcode, forwardedFor: "198.51.100.1"))
        {
            await limited.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        }

        using var response = await RetrieveAsync(proxy, alias, Passcode, forwardedFor: "198.51.100.2");
        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
    }

    [Test]
    public async Task BehindATrustedProxy_AddressesTheClientSentAheadOfTheProxysEntry_AreIgnored()
    {
        var alias = await CreateProtectedAliasAsync(_proxied);
        using var proxy = _proxied.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // The client sends its own X-Forwarded-For; the proxy appends the address it really sees.
            using var refused = await RetrieveAsync(proxy, alias, "wrong", forwardedFor: $"192.0.2.{attempt}, 198.51.100.3");
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await RetrieveAsync(proxy, alias, Passcode, forwardedFor: "192.0.2.99, 198.51.100.3");

        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
    }

    // One subscriber commonly holds a whole IPv6 /64: its addresses share one budget.
    [TestCase("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe")]
    [TestCase("2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb::1")]
    public async Task IPv6AddressesOfOneSlash64_ShareOneAllowance(string first, string second)
    {
        var alias = await CreateProtectedAliasAsync(_proxied);
        using var proxy = _proxied.CreateAnonymousClient();
        foreach (var address in new[] { first, second, first })
        {
            using var refused = await RetrieveAsync(proxy, alias, "wrong", forwardedFor: address);
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await RetrieveAsync(proxy, alias, Passcode, forwardedFor: second);

        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task IPv6AddressesOfNeighbouringSlash64s_HaveTheirOwnAllowances()
    {
        var alias = await CreateProtectedAliasAsync(_proxied);
        using var proxy = _proxied.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var refused = await RetrieveAsync(proxy, alias, "wrong", forwardedFor: "2001:db8:1:2::1");
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await RetrieveAsync(proxy, alias, Passcode, forwardedFor: "2001:db8:1:3::1");

        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
    }

    // A dual-stack listener reports IPv4 clients as IPv4-mapped IPv6 addresses; they are the same client.
    [Test]
    public async Task AnIPv4AddressAndItsIPv4MappedIPv6Form_ShareOneAllowance()
    {
        var alias = await CreateProtectedAliasAsync(_proxied);
        using var proxy = _proxied.CreateAnonymousClient();
        foreach (var address in new[] { "198.51.100.7", "::ffff:198.51.100.7", "198.51.100.7" })
        {
            using var refused = await RetrieveAsync(proxy, alias, "wrong", forwardedFor: address);
            await refused.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await RetrieveAsync(proxy, alias, Passcode, forwardedFor: "::ffff:198.51.100.7");

        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
    }

    private static Action<IServiceCollection> ConnectFrom(IPAddress peer) =>
        services => services.AddSingleton<IStartupFilter>(new PeerAddressStartupFilter(peer));

    private static async Task<string> CreateProtectedAliasAsync(ConfiguredService service)
    {
        // A fresh organization per alias: the direct service allows an organization only two management calls.
        using var owner = service.CreateClientFor(await service.CreateOrganizationAsync());
        using var response = await owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{Passcode}}","expired_at":{{service.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    private static Task<HttpResponseMessage> RetrieveAsync(HttpClient client, string alias, string passcode, string forwardedFor) =>
        SendAsync(client, HttpMethod.Get, $"{Routes.Retrieve(alias)}?passcode={Uri.EscapeDataString(passcode)}", forwardedFor);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string forwardedFor)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
