using System.Diagnostics;
using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// A service configured with a Redis that cannot be reached starts, fails public retrieval closed (503 in the
/// envelope, quickly, whatever the credential: never unlimited guessing), is not ready, and keeps management available.
/// </summary>
public sealed class RedisUnreachableTests
{
    [Test]
    public async Task UnreachableRedis_RetrievalAnswers503Quickly_ManagementServes_AndNotReady()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string>
        {
            ["Redis:Configuration"] = ClosedPort.RedisConfiguration(),
        });
        var organization = await service.CreateOrganizationAsync();
        using var owner = service.CreateClientFor(organization);
        using var visitor = service.CreateAnonymousClient();
        visitor.Timeout = TimeSpan.FromSeconds(30);
        using var created = await owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"unreachable-redis","expired_at":{{service.Now + 86_400}}}"""));
        var alias = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;

        foreach (var passcode in new[] { "wrong", "unreachable-redis" })
        {
            var elapsed = Stopwatch.StartNew();
            using var response = await visitor.GetAsync($"{Routes.Retrieve(alias)}?passcode={passcode}");

            (await response.ReadErrorAsync(HttpStatusCode.ServiceUnavailable)).Text("message").Should().Contain("temporarily unavailable");
            response.Headers.RetryAfter!.Delta.Should().BePositive();
            elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        }

        using var ready = await visitor.GetAsync("/health/ready");
        var health = await ready.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
        health.GetProperty("checks").GetProperty("redis").Text("status").Should().Be("Unhealthy");
        health.GetProperty("checks").GetProperty("redis").Text("description").Should().NotContain("127.0.0.1");
    }
}
