using System.Globalization;
using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AccessEvents;

/// <summary>
/// Access events that take a service of their own: the <c>limited</c> outcome (a low failed-attempt limit), and the
/// events still queued at a graceful stop, stored before the process ends (ADR 0017).
/// </summary>
public sealed class AccessEventDeliveryTests
{
    private const string Passcode = "right-passcode-4821";

    [Test]
    public async Task RetrievalPastTheFailedAttemptLimit_IsListedAsLimited()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string>
        {
            ["RateLimiting:FailedRetrievals:PermitLimit"] = "1",
        });
        using var owner = service.CreateClientFor(await service.CreateOrganizationAsync());
        using var visitor = service.CreateAnonymousClient();
        var alias = await CreateProtectedAliasAsync(owner, service.Now);

        (await visitor.GetAsync(Routes.Retrieve(alias, "wrong-passcode-0000"))).Dispose();
        using var limited = await visitor.GetAsync(Routes.Retrieve(alias, Passcode));

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var (body, _, events) = await AccessEventReader.PageAsync(service.Services, owner, alias, "outcome=limited");
        events.Should().ContainSingle();
        (events[0].Text("kind"), events[0].Text("credential"), events[0].Text("reason")).Should().Be(("retrieval", "passcode", null));
        body.Should().NotContain(Passcode);
    }

    [Test]
    public async Task GracefulStop_StoresTheQueuedEvents()
    {
        var storage = TestStorage.Create();
        await using var _ = storage;
        string alias;
        TestOrganization organization;

        // The longest gathering interval: the events are still queued when the stop begins.
        await using (var service = new ConfiguredService(new Dictionary<string, string> { ["AccessEvents:FlushIntervalMilliseconds"] = "1000" }, storage: storage))
        {
            organization = await service.CreateOrganizationAsync();
            using var owner = service.CreateClientFor(organization);
            using var visitor = service.CreateAnonymousClient();
            alias = await CreateProtectedAliasAsync(owner, service.Now);
            (await visitor.GetAsync(Routes.Retrieve(alias, Passcode))).EnsureSuccessStatusCode().Dispose();
        }

        await using var restarted = new ConfiguredService(new Dictionary<string, string> { ["AccessEvents:Enabled"] = "false" }, storage: storage);
        using var client = restarted.CreateClientFor(organization);
        using var response = await client.GetAsync(Routes.Events(alias));
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.GetProperty("entries").EnumerateArray().Select(e => AccessEventReader.Data(e).Text("outcome")).Should().Equal("granted", "created");
    }

    [Test]
    public async Task StorageFailure_NeverReachesRetrieval_AndTheWriterCarriesOn()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string>());
        using var owner = service.CreateClientFor(await service.CreateOrganizationAsync());
        using var visitor = service.CreateAnonymousClient();
        var alias = await CreateProtectedAliasAsync(owner, service.Now);
        await AccessEventReader.FlushAsync(service.Services);
        await service.Storage.ExecuteAsync("DROP TABLE access_events");

        using var granted = await visitor.GetAsync(Routes.Retrieve(alias, Passcode));
        using var refused = await visitor.GetAsync(Routes.Retrieve(alias, "wrong-passcode-0000"));

        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var flush = () => AccessEventReader.FlushAsync(service.Services);
        await flush.Should().NotThrowAsync("a batch that cannot be stored is dropped and counted, not thrown");
    }

    private static async Task<string> CreateProtectedAliasAsync(HttpClient owner, long now)
    {
        var body = $$"""{"type":"conference","passcode":"{{Passcode}}","expired_at":{{(now + 86_400).ToString(CultureInfo.InvariantCulture)}}}""";
        using var response = await owner.PostAsync(Routes.Create, HttpJson.Body(body));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }
}
