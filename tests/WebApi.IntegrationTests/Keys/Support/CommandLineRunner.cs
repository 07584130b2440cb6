using AliasService.WebApi.Cli;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>What one run of the admin command line printed and returned.</summary>
public sealed record CommandLineResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the admin command line in-process, as <c>dotnet run --project src/WebApi -- …</c> would, against a service's
/// storage. The command line reads its configuration from the process environment, so the storage's settings
/// (<c>DataFolder</c>, and the database's provider and connection string on a server) are set as environment variables
/// for the duration of the call (one call at a time; fixtures that use this must not run beside other fixtures).
/// </summary>
public static class CommandLineRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<CommandLineResult> RunAsync(TestStorage storage, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await OneAtATime.WaitAsync();
        var variables = storage.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        var previous = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exitCode = await CommandLine.RunAsync(args, stdout, stderr);
            var result = new CommandLineResult(exitCode, stdout.ToString(), stderr.ToString());
            TestContext.Out.WriteLine($"$ {string.Join(' ', args)} → exit {exitCode}\nstderr: {result.Stderr}");
            return result;
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            OneAtATime.Release();
        }
    }
}
