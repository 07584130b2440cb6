using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// The built service as an operator starts it: <c>dotnet AliasService.WebApi.dll</c> from the folder it was built or
/// published to (its <c>appsettings.json</c> is then the content root's, as in a container), in a process of its own, with
/// the arguments and environment variables a test gives (none of the test runner's hosting variables leak in), over
/// a fresh data folder. Collects the addresses Kestrel reports in its "Now listening on" lines. Killed on dispose.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Variables that choose addresses or environment: cleared unless the test sets them.</summary>
    private static readonly string[] HostingVariables =
    [
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT",
        "DOTNET_URLS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS", "DOTNET_ENVIRONMENT", "URLS", "HTTP_PORTS", "HTTPS_PORTS",
    ];

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _addresses = new();

    private readonly bool _ownsDataFolder;

    private ServiceProcess(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? dataFolder)
    {
        _ownsDataFolder = dataFolder is null;
        _dataFolder = dataFolder ?? Directory.CreateTempSubdirectory("aliasservice-process-").FullName;
        var start = ProgramStartInfo(arguments);

        foreach (var name in HostingVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DataFolder"] = _dataFolder;
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException("The service exited before it started:\n" + Output));
    }

    /// <summary>The addresses Kestrel said it listens on.</summary>
    public IReadOnlyCollection<string> Addresses => [.. _addresses];

    /// <summary>Everything the process wrote so far (for failure messages).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The data folder the service runs on.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>
    /// Starts the service and waits until it reports "Application started". With <paramref name="dataFolder"/>, on that
    /// folder (a restart; the folder is left in place on dispose), otherwise on a fresh one.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyList<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null, string? dataFolder = null)
    {
        var service = new ServiceProcess(arguments ?? [], environment ?? new Dictionary<string, string>(), dataFolder);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            await service._started.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>Kills the process at once (SIGKILL on Unix, as <c>kill -9</c>): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Runs the admin command line of the built service on <paramref name="dataFolder"/>; answers its standard output.</summary>
    public static async Task<string> RunCommandAsync(string dataFolder, params string[] arguments)
    {
        var start = ProgramStartInfo(arguments);

        start.Environment["DataFolder"] = dataFolder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The command line exited with {process.ExitCode}: {await errors}");
        }

        return await output;
    }

    /// <summary>
    /// How to run the service's program (the build beside the tests) as its own process, as a deployment would:
    /// through the dotnet host running the tests, both output streams redirected.
    /// </summary>
    public static ProcessStartInfo ProgramStartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AliasService.WebApi.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        if (!_ownsDataFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningOn().Match(line) is { Success: true } listening)
        {
            _addresses.Enqueue(listening.Groups["address"].Value);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>https?://[^\s""\\]+)")]
    private static partial Regex ListeningOn();
}
