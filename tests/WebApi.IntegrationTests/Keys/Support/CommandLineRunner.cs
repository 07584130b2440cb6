using AliasService.WebApi.Cli;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>What one run of the admin command line printed and returned.</summary>
public sealed record CommandLineResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the admin command line in-process, as <c>dotnet run --project src/WebApi -- …</c> would, against a service's
/// data folder. The command line reads its configuration (and secrets) from the process environment, so
/// <c>DataFolder</c> and any given variables are set for the duration of the call (one call at a time; fixtures that
/// use this must not run beside other fixtures).
/// </summary>
public static class CommandLineRunner
{
    private const string DataFolderVariable = "DataFolder";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static Task<CommandLineResult> RunAsync(string dataFolder, params string[] args) =>
        RunAsync(dataFolder, new Dictionary<string, string>(), stdin: null, args);

    /// <summary>Runs with these environment variables set and this text on standard input (empty when null).</summary>
    public static async Task<CommandLineResult> RunAsync(string dataFolder, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        await OneAtATime.WaitAsync();
        var variables = environment.Keys.Append(DataFolderVariable).ToList();
        var previous = variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataFolderVariable, dataFolder);
            foreach (var (name, value) in environment)
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
