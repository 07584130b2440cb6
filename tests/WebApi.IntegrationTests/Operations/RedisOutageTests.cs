using System.Diagnostics;
using System.Net;
using AliasService.Infrastructure.Redis;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// The Redis that counts the abuse limits goes down under a running service: retrieval fails closed (503 in the
/// envelope, quickly, never unlimited guessing), <c>/health/ready</c> says not ready, management keeps serving; once
/// Redis is back the same service serves again by itself. Runs when <c>ALIASSERVICE_TEST_REDIS</c> names a
/// redis-server binary (<c>scripts/test-redis.sh</c>).
/// </summary>
public sealed class RedisOutageTests
{
    private const string Passcode = "redis-outage-passcode";

    [Test]
    public async Task RedisDown_RetrievalAnswers503QuicklyAndNotReady_ThenTheRunningServiceResumesByItself()
    {
        if (OwnRedisServer.Binary is null)
        {
            Assert.Ignore($"{OwnRedisServer.ServerVariable} does not name a redis-server binary (scripts/test-redis.sh sets it).");
        }

        await using var redis = await OwnRedisServer.StartAsync();
        await using var service = new ConfiguredService(new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration });
        var organization = await service.CreateOrganizationAsync();
        using var owner = service.CreateClientFor(organization);
        using var visitor = service.CreateAnonymousClient();
        visitor.Timeout = TimeSpan.FromSeconds(30);
        string alias;
        using (var created = await owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{Passcode}}","expired_at":{{service.Now + 86_400}}}""")))
        {
            alias = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
        }

        var retrieveUrl = $"{Routes.Retrieve(alias)}?passcode={Passcode}";

        using (var before = await visitor.GetAsync(retrieveUrl))
        {
            await before.ReadJsonAsync(HttpStatusCode.OK);
        }

        await redis.StopServerAsync();

        var elapsed = Stopwatch.StartNew();
        using (var retrieve = await visitor.GetAsync(retrieveUrl))
        {
            (await retrieve.ReadErrorAsync(HttpStatusCode.ServiceUnavailable)).Text("message").Should().Contain("temporarily unavailable");
            retrieve.Headers.RetryAfter!.Delta.Should().BePositive();
            (await retrieve.Content.ReadAsStringAsync()).Should().NotContain("127.0.0.1").And.NotContain("Redis");
        }

        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "an unreachable Redis must not make requests hang");
        using (var ready = await visitor.GetAsync("/health/ready"))
        {
            var health = await ready.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
            health.GetProperty("checks").GetProperty("redis").Text("status").Should().Be("Unhealthy");
            health.GetProperty("checks").GetProperty("database").Text("status").Should().Be("Healthy");
        }

        // Management keeps its per-organization window in this process meanwhile: available, still limited.
        using (var list = await owner.GetAsync(Routes.List))
        {
            await list.ReadJsonAsync(HttpStatusCode.OK);
        }

        var restored = await ConnectionRestoredAsync(service);
        await redis.StartServerAsync();
        await restored.WaitAsync(TimeSpan.FromSeconds(10));

        using (var retrieve = await visitor.GetAsync(retrieveUrl))
        {
            (await retrieve.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("id").Should().Be(alias);
        }

        using (var ready = await visitor.GetAsync("/health/ready"))
        {
            (await ready.ReadJsonAsync(HttpStatusCode.OK)).Text("status").Should().Be("Healthy");
        }
    }

    /// <summary>Completes when <paramref name="service"/>'s Redis connection for commands is restored.</summary>
    private static async Task<Task> ConnectionRestoredAsync(ConfiguredService service)
    {
        var multiplexer = await service.Services.GetRequiredService<RedisConnection>().GetMultiplexerAsync();
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                restored.TrySetResult();
            }
        };
        return restored.Task;
    }
}
