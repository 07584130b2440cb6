using System.Diagnostics;
using System.Net;
using System.Text;
using AliasService.Infrastructure.Persistence;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// <c>db migrate</c>, the deployment's migration step, as separate processes of the real program: run by several
/// instances at once on an empty database it migrates it exactly once (EF Core's migration lock), and the service then
/// finds its schema complete without migrating itself.
/// </summary>
public sealed class DbMigrateCommandTests
{
    [Test]
    public async Task DbMigrate_FromThreeProcessesAtOnce_AllSucceed_AndApplyEveryMigrationOnce()
    {
        await using var storage = TestStorage.Create();

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RunProgramAsync(Environment(storage.Settings), "db", "migrate")));

        foreach (var run in runs)
        {
            run.ExitCode.Should().Be(0, "stderr: {0}", run.Stderr);
            run.Stdout.Should().Contain($"The {TestStorage.Provider} database is migrated");
        }

        await using var service = new ConfiguredService(new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" }, storage: storage);
        using var client = service.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready");
        (await ready.ReadJsonAsync(HttpStatusCode.OK)).Text("status").Should().Be("Healthy");

        var history = (await storage.ReadAllColumnsAsync())
            .Where(v => v is { Table: "__EFMigrationsHistory", Column: "MigrationId" })
            .Select(v => Encoding.UTF8.GetString(v.Value))
            .ToList();
        await using var scope = service.Services.CreateAsyncScope();
        history.Should().BeEquivalentTo(scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>().Database.GetMigrations());
    }

    [Test]
    public async Task DbMigrate_WhenTheDatabaseCannotBeReached_Fails_SayingSo()
    {
        await using var storage = TestStorage.Create();
        var settings = new Dictionary<string, string>(storage.Settings)
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:AliasService"] = ClosedPort.PostgreSqlConnectionString(),
        };

        var run = await RunProgramAsync(Environment(settings), "db", "migrate");

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("error: the PostgreSql database cannot be reached; nothing was migrated.");
    }

    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);

    /// <summary>Runs the service's program (the build beside the tests) as its own process, as a deployment would.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProgramAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = ServiceProcess.ProgramStartInfo(arguments);

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
