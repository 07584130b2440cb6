using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Persistence;

/// <summary>
/// An acknowledged write survives <c>kill -9</c> of the service (docs/operations.md, "Durability"): the built service
/// in a process of its own on SQLite as shipped, concurrent creates, the process killed right after the last answer,
/// then a new process on the same data folder finds every alias that was answered 201.
/// </summary>
[NonParallelizable]
public sealed class KillDurabilityTests
{
    private const int Creates = 200;

    [Test]
    public async Task AcknowledgedCreates_AfterKill9AndRestart_AreAllThere()
    {
        var dataFolder = Directory.CreateTempSubdirectory("aliasservice-kill9-").FullName;
        try
        {
            using var created = JsonDocument.Parse(await ServiceProcess.RunCommandAsync(dataFolder, "org", "create", "--name", "Durable", "--json"));
            var organization = new TestOrganization(
                created.RootElement.Text("organization_id")!, created.RootElement.Text("api_key")!, created.RootElement.Text("api_secret")!);
            var acknowledged = new ConcurrentBag<string>();

            await using (var first = await StartAsync(dataFolder))
            {
                using var client = ClientFor(first, organization);
                await Parallel.ForAsync(0, Creates, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
                {
                    var body = $$"""{"type":"conference","name":"durable {{i}}","passcode":"1234","expired_at":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 86_400}}}""";
                    using var response = await client.PostAsync(Routes.Create, HttpJson.Body(body), token);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!);
                    }
                });

                await first.KillAsync();
            }

            acknowledged.Should().HaveCount(Creates, "every create was answered before the kill");
            await using var second = await StartAsync(dataFolder);
            using var reader = ClientFor(second, organization);
            foreach (var id in acknowledged)
            {
                using var response = await reader.GetAsync(Routes.Retrieve(id));
                response.StatusCode.Should().Be(HttpStatusCode.OK, "alias {0} was acknowledged with 201 before the kill", id);
            }
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static Task<ServiceProcess> StartAsync(string dataFolder) =>
        ServiceProcess.StartAsync(
            environment: new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServiceProcess.FreePort()}",
                ["RateLimiting__Organization__PermitLimit"] = "100000",
            },
            dataFolder: dataFolder);

    private static HttpClient ClientFor(ServiceProcess service, TestOrganization organization)
    {
        var client = new HttpClient { BaseAddress = new Uri(service.Addresses.First()) };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.ForOrganization(organization, now).Encode());
        return client;
    }
}
