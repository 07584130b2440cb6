using AliasService.WebApi.Cli;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>What one run of the admin command line printed and returned.</summary>
public sealed record CommandLineResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the admin command line in-process, as <c>dotnet run --project src/WebApi -- …</c> would, against a service's
/// storage. The command line reads its configuration (and secrets) from the process environment, so the storage's
/// settings (<c>DataFolder</c>, and the database's provider and connection string on a server) and any given variables
/// are set as environment variables for the duration of the call (one call at a time; fixtures that use this must
/// not run beside other fixtures).
/// </summary>
public static class CommandLineRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static Task<CommandLineResult> RunAsync(TestStorage storage, params string[] args) =>
        RunAsync(storage, new Dictionary<string, string>(), stdin: null, args);

    /// <summary>Runs with these environment variables set too and this text on standard input (empty when null).</summary>
    public static async Task<CommandLineResult> RunAsync(TestStorage storage, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(environment);
        await OneAtATime.WaitAsync();
        var variables = storage.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var previous = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            using var input = new StringReader(stdin ?? string.Empty);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exitCode = await CommandLine.RunAsync(args, stdout, stderr, input);
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
