using System.Net;
using System.Net.Http.Headers;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// A database that cannot serve gives 503 in the error envelope with Retry-After (never a 500, never a hang) and a
/// not-ready <c>/health/ready</c>; once it is back, the same running service serves again by itself.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Ready = "/health/ready";

    [Test]
    public async Task UnreachableDatabase_Answers503InTheEnvelope_OnEveryKindOfRequest_AndIsNotReady()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:AliasService"] = ClosedPort.PostgreSqlConnectionString(),
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = Guarded(service.CreateAnonymousClient());
        var token = TestJwt.ForOrganization(new TestOrganization("org_unreachable", "ak_unreachable00000", new string('s', 43)), service.Now).Encode();

        await ShouldBeUnavailableAsync(client, token);

        using var live = await client.GetAsync("/health/live");
        await live.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task StoppedDatabaseServer_Answers503AndNotReady_ThenTheRunningServiceResumesByItself()
    {
        Assume.That(TestStorage.IsServer, "the run must be switched to PostgreSQL (scripts/test-postgres.sh), whose server binaries this test uses");
        await using var cluster = await OwnPostgresCluster.StartAsync();
        await using var service = new ConfiguredService(new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:AliasService"] = cluster.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
        });
        var organization = await service.CreateOrganizationAsync();
        using var client = Guarded(service.CreateAnonymousClient());
        var alias = await CreateAliasAsync(client, service.OrganizationToken(organization), service.Now);

        await cluster.StopServerAsync();
        await ShouldBeUnavailableAsync(client, service.OrganizationToken(organization));

        await cluster.StartServerAsync();
        using (var ready = await client.GetAsync(Ready))
        {
            (await ready.ReadJsonAsync(HttpStatusCode.OK)).Text("status").Should().Be("Healthy");
        }

        using var list = await Send(client, HttpMethod.Get, Routes.List, service.OrganizationToken(organization));
        (await list.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray()
            .Select(e => e.ShouldBeDataEnvelope().Text("id")).Should().Equal(alias);
        (await CreateAliasAsync(client, service.OrganizationToken(organization), service.Now)).Should().NotBe(alias);
    }

    /// <summary>Management (authentication reads the database), public retrieval and readiness all say "unavailable".</summary>
    private static async Task ShouldBeUnavailableAsync(HttpClient client, string token)
    {
        using (var list = await Send(client, HttpMethod.Get, Routes.List, token))
        {
            await ShouldBe503Async(list);
        }

        using (var create = await Send(client, HttpMethod.Post, Routes.Create, token, """{"type":"conference","expired_at":4102444800}"""))
        {
            await ShouldBe503Async(create);
        }

        using (var retrieve = await client.GetAsync(Routes.Retrieve("a1b2c3d4e5f6g7h8")))
        {
            await ShouldBe503Async(retrieve);
        }

        using var ready = await client.GetAsync(Ready);
        var health = await ready.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
        health.Text("status").Should().Be("Unhealthy");
        health.GetProperty("checks").GetProperty("database").Text("status").Should().Be("Unhealthy");
    }

    private static async Task ShouldBe503Async(HttpResponseMessage response)
    {
        var error = await response.ReadErrorAsync(HttpStatusCode.ServiceUnavailable);
        error.Text("message").Should().Contain("temporarily unavailable");
        response.Headers.RetryAfter!.Delta.Should().BePositive();
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("Npgsql").And.NotContain("127.0.0.1").And.NotContain("   at ");
    }

    private static async Task<string> CreateAliasAsync(HttpClient client, string token, long now)
    {
        using var response = await Send(client, HttpMethod.Post, Routes.Create, token, $$"""{"type":"conference","passcode":"4321","expired_at":{{now + 86_400}}}""");
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : HttpJson.Body(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>A hang fails the test instead of stalling the run: every answer must come well within this.</summary>
    private static HttpClient Guarded(HttpClient client)
    {
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }
}
