using AliasService.WebApi.Cli;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>What one run of the admin command line printed and returned.</summary>
public sealed record CommandLineResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the admin command line in-process, as <c>dotnet run --project src/WebApi -- …</c> would, against a service's
/// data folder. The command line reads its configuration from the process environment, so <c>DataFolder</c> is set
/// for the duration of the call (one call at a time; fixtures that use this must not run beside other fixtures).
/// </summary>
public static class CommandLineRunner
{
    private const string DataFolderVariable = "DataFolder";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<CommandLineResult> RunAsync(string dataFolder, params string[] args)
    {
        await OneAtATime.WaitAsync();
        var previous = Environment.GetEnvironmentVariable(DataFolderVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataFolderVariable, dataFolder);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exitCode = await CommandLine.RunAsync(args, stdout, stderr);
            var result = new CommandLineResult(exitCode, stdout.ToString(), stderr.ToString());
            TestContext.Out.WriteLine($"$ {string.Join(' ', args)} → exit {exitCode}\nstderr: {result.Stderr}");
            return result;
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataFolderVariable, previous);
            OneAtATime.Release();
        }
    }
}
