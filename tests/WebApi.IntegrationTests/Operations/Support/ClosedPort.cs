using System.Net;
using System.Net.Sockets;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>A database or Redis address nothing listens on: connections to it are refused at once, like a stopped server's.</summary>
public static class ClosedPort
{
    public static string PostgreSqlConnectionString() => $"Host=127.0.0.1;Port={FreePort()};Username=aliasservice;Database=aliasservice";

    /// <summary>A StackExchange.Redis configuration string of a Redis server that is not there.</summary>
    public static string RedisConfiguration() => $"127.0.0.1:{FreePort()}";

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
