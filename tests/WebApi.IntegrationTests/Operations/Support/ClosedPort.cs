using System.Net;
using System.Net.Sockets;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>A database address nothing listens on: connections to it are refused at once, like a stopped server's.</summary>
public static class ClosedPort
{
    public static string PostgreSqlConnectionString()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"Host=127.0.0.1;Port={port};Username=aliasservice;Database=aliasservice";
    }
}
