using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// A redis-server of the test's own on a free loopback port, without persistence: stopped (killed by process id) and
/// started again on the same port under running services, and always killed on dispose. Tests using it run when
/// <c>ALIASSERVICE_TEST_REDIS</c> names the redis-server binary (<c>scripts/test-redis.sh</c> sets it).
/// </summary>
public sealed class OwnRedisServer : IAsyncDisposable
{
    public const string ServerVariable = "ALIASSERVICE_TEST_REDIS";

    private readonly string _binary;
    private Process? _process;

    private OwnRedisServer(string binary, int port)
    {
        _binary = binary;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>The redis-server binary this run uses, or null when the run has none (the tests are then skipped).</summary>
    public static string? Binary => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } binary ? binary : null;

    public static async Task<OwnRedisServer> StartAsync()
    {
        var binary = Binary ?? throw new InvalidOperationException($"{ServerVariable} does not name a redis-server binary.");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new OwnRedisServer(binary, port);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port; answers once it accepts connections.</summary>
    public async Task StartServerAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited before it was ready (port {Port})."));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Kills the server by its process id, as a crash or a lost host would; the port stays its own.</summary>
    public async Task StopServerAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopServerAsync();
}
