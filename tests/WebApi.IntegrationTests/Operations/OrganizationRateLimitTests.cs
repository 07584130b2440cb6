using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// Management calls are limited per organization (here 2 per hour, by configuration), across every
/// <c>/organization/api/v1/*</c> route: the organization over its limit gets 429 with Retry-After, any other
/// organization is still served, and public retrieval is not counted.
/// </summary>
public sealed class OrganizationRateLimitTests
{
    private const int PermitLimit = 2;
    private const int WindowSeconds = 3600;

    private ConfiguredService _service = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _service = new ConfiguredService(new Dictionary<string, string>
        {
            ["RateLimiting:Organization:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:Organization:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _service.Start();
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await _service.DisposeAsync();

    [Test]
    public async Task CallsUpToTheLimit_AreServed_AndTheNextAnswers429WithRetryAfter()
    {
        using var client = _service.CreateClientFor(await _service.CreateOrganizationAsync());
        await ListAsync(client, HttpStatusCode.OK);
        await ListAsync(client, HttpStatusCode.OK);

        using var response = await client.GetAsync(Routes.List);

        (await response.ReadErrorAsync(HttpStatusCode.TooManyRequests)).Text("message").Should().NotBeNullOrWhiteSpace();
        response.ShouldBePositiveSeconds().Should().BeLessThanOrEqualTo(WindowSeconds);
    }

    [Test]
    public async Task TheLimit_CoversEveryManagementRouteOfTheOrganization()
    {
        using var client = _service.CreateClientFor(await _service.CreateOrganizationAsync());
        await ListAsync(client, HttpStatusCode.OK);
        using (var keys = await client.GetAsync(Routes.ApiKeys))
        {
            await keys.ReadJsonAsync(HttpStatusCode.OK);
        }

        using var response = await client.GetAsync(Routes.JwtKeys);

        await response.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        response.ShouldBePositiveSeconds();
    }

    [Test]
    public async Task AnOrganizationOverItsLimit_DoesNotStopAnotherOrganization()
    {
        using var limited = _service.CreateClientFor(await _service.CreateOrganizationAsync("Busy"));
        using var other = _service.CreateClientFor(await _service.CreateOrganizationAsync("Quiet"));
        await ListAsync(limited, HttpStatusCode.OK);
        await ListAsync(limited, HttpStatusCode.OK);
        await ListAsync(limited, HttpStatusCode.TooManyRequests);

        await ListAsync(other, HttpStatusCode.OK);
        await ListAsync(other, HttpStatusCode.OK);
    }

    [Test]
    public async Task AnOrganizationOverItsLimit_StillHasItsAliasesRetrievedPublicly()
    {
        using var client = _service.CreateClientFor(await _service.CreateOrganizationAsync());
        using var visitor = _service.CreateAnonymousClient();
        string alias;
        using (var created = await client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"live","expired_at":{{_service.Now + 86_400}}}""")))
        {
            alias = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
        }

        await ListAsync(client, HttpStatusCode.OK);
        await ListAsync(client, HttpStatusCode.TooManyRequests);

        for (var i = 0; i < PermitLimit + 1; i++)
        {
            using var response = await visitor.GetAsync(Routes.Retrieve(alias));
            (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
        }
    }

    private static async Task ListAsync(HttpClient client, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(Routes.List);
        if (expected == HttpStatusCode.OK)
        {
            await response.ReadJsonAsync(expected);
        }
        else
        {
            await response.ReadErrorAsync(expected);
        }
    }
}
