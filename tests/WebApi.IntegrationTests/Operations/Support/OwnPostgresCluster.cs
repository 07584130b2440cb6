using System.Diagnostics;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own, started, stopped and restarted under a running service with the same script
/// the test runs use (<c>scripts/lib/postgres.sh</c>), and always removed on dispose.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly string _folder;

    private OwnPostgresCluster(string folder, int port)
    {
        _folder = folder;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var output = await RunAsync("start");
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim(), StringComparer.Ordinal);
        return new OwnPostgresCluster(values["POSTGRES_DIR"], int.Parse(values["POSTGRES_PORT"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended); the data stays.</summary>
    public Task StopServerAsync() => RunAsync("pause", _folder);

    /// <summary>Starts the server again on the same port; answers once it accepts connections.</summary>
    public Task StartServerAsync() => RunAsync("resume", _folder);

    public async ValueTask DisposeAsync() => await RunAsync("stop", _folder);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "lib", "postgres.sh"));

        // The run's own cluster (scripts/test-postgres.sh) is described by these variables; this one never touches it.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("POSTGRES_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        TestContext.Out.WriteLine($"postgres.sh {string.Join(' ', arguments)}: {await stderr}");
        process.ExitCode.Should().Be(0, "postgres.sh {0} failed", arguments[0]);
        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AliasService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AliasService.sln) was not found above the test binaries.");
    }
}
