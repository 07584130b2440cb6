using System.Net;
using System.Net.Sockets;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>HTTP clients whose connections come from a chosen local address, as separate machines' would.</summary>
public static class LoopbackClient
{
    public static HttpClient From(IPAddress localAddress, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    var server = IPAddress.Parse(context.DnsEndPoint.Host.Trim('[', ']'));
                    await socket.ConnectAsync(new IPEndPoint(server, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
