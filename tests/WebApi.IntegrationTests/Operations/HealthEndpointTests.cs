using System.Net;
using System.Text.Json;
using AliasService.Infrastructure.Persistence;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> as an orchestrator calls them: anonymous, JSON, never rate limited;
/// ready only when the database is reachable and migrated.
/// </summary>
public sealed class HealthEndpointTests
{
    private const string Live = "/health/live";
    private const string Ready = "/health/ready";

    /// <summary>A migrated service whose management limit is one request per organization (or client) and minute.</summary>
    private ConfiguredService _service = null!;

    /// <summary>A service that was told not to migrate, over a fresh data folder: its schema is missing.</summary>
    private ConfiguredService _unmigrated = null!;

    [OneTimeSetUp]
    public void StartServices()
    {
        _service = new ConfiguredService(new Dictionary<string, string>
        {
            ["RateLimiting:Organization:PermitLimit"] = "1",
            ["RateLimiting:Organization:WindowSeconds"] = "3600",
        });
        _service.Start();
        _unmigrated = new ConfiguredService(new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        _unmigrated.Start();
    }

    [OneTimeTearDown]
    public async Task StopServicesAsync()
    {
        await _service.DisposeAsync();
        await _unmigrated.DisposeAsync();
    }

    [Test]
    public async Task Live_WithoutCredentials_Answers200Healthy()
    {
        using var client = _service.CreateAnonymousClient();

        using var response = await client.GetAsync(Live);

        (await response.ReadJsonAsync(HttpStatusCode.OK)).Text("status").Should().Be("Healthy");
    }

    [Test]
    public async Task Ready_OnAMigratedDatabase_Answers200Healthy()
    {
        using var client = _service.CreateAnonymousClient();

        using var response = await client.GetAsync(Ready);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        body.Text("status").Should().Be("Healthy");
        body.GetProperty("checks").GetProperty("database").Text("status").Should().Be("Healthy");
    }

    [Test]
    public async Task Ready_WhenTheDatabaseWasNeverMigrated_Answers503Unhealthy()
    {
        using var client = _unmigrated.CreateAnonymousClient();

        using var response = await client.GetAsync(Ready);

        var body = await response.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
        body.Text("status").Should().Be("Unhealthy");
        var database = body.GetProperty("checks").GetProperty("database");
        database.Text("status").Should().Be("Unhealthy");
        database.Text("description").Should().NotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task Ready_WhileTheSchemaIsBehindThisBuild_Answers503_AndTurns200OnceMigrated()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        using var client = service.CreateAnonymousClient();
        await using (var scope = service.Services.CreateAsyncScope())
        {
            // An operator's database that has the first migration only: this build's schema is ahead of it.
            var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        }

        using (var behind = await client.GetAsync(Ready))
        {
            var body = await behind.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
            body.Text("status").Should().Be("Unhealthy");
            body.GetProperty("checks").GetProperty("database").Text("description").Should().Contain("migration");
        }

        await using (var scope = service.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>().Database.MigrateAsync();
        }

        using var migrated = await client.GetAsync(Ready);
        (await migrated.ReadJsonAsync(HttpStatusCode.OK)).Text("status").Should().Be("Healthy");
    }

    [Test]
    public async Task Live_WhenMigrationsAreNotApplied_StillAnswers200Healthy()
    {
        using var client = _unmigrated.CreateAnonymousClient();

        using var response = await client.GetAsync(Live);

        (await response.ReadJsonAsync(HttpStatusCode.OK)).Text("status").Should().Be("Healthy");
    }

    [Test]
    public async Task HealthEndpoints_WithoutCredentials_AreNotRateLimitedWhenTheClientsLimitIsUsedUp()
    {
        using var client = _service.CreateAnonymousClient();

        // Unauthenticated management calls are limited per client address: the one permit goes, then 429.
        using (var first = await client.GetAsync(Routes.List))
        {
            await first.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        using (var limited = await client.GetAsync(Routes.List))
        {
            await limited.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        }

        await ShouldAllBeHealthyAsync(client);
    }

    [Test]
    public async Task HealthEndpoints_WithAnOrganizationToken_AreNotRateLimitedWhenTheOrganizationsLimitIsUsedUp()
    {
        var organization = await _service.CreateOrganizationAsync();
        using var client = _service.CreateClientFor(organization);

        using (var first = await client.GetAsync(Routes.List))
        {
            await first.ReadJsonAsync(HttpStatusCode.OK);
        }

        using (var limited = await client.GetAsync(Routes.List))
        {
            await limited.ReadErrorAsync(HttpStatusCode.TooManyRequests);
        }

        await ShouldAllBeHealthyAsync(client);
    }

    private static async Task ShouldAllBeHealthyAsync(HttpClient client)
    {
        for (var i = 0; i < 5; i++)
        {
            foreach (var path in new[] { Live, Ready })
            {
                using var response = await client.GetAsync(path);
                var body = await response.ReadJsonAsync(HttpStatusCode.OK);
                body.GetProperty("status").ValueKind.Should().Be(JsonValueKind.String);
                body.Text("status").Should().Be("Healthy", "{0} call {1} is not limited", path, i + 1);
                response.Headers.RetryAfter.Should().BeNull();
            }
        }
    }
}
