using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>One HTTP/1.1 response as it came off the socket: status, headers (names lower-cased) and the de-chunked body.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Sends bytes that no well-behaved HTTP client would (over-long lines, bytes that are not UTF-8 in a header …) to a
/// real Kestrel over a TCP socket, and reads the response to the end. Requests should carry <c>Connection: close</c>.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<RawResponse> SendAsync(Uri server, byte[] request)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var cancellation = new CancellationTokenSource(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellation.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, cancellation.Token);
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cancellation.Token);
        }
        catch (IOException)
        {
            // Kestrel may reset the connection after answering a request it refused; what arrived is the answer.
        }

        return Parse(received.ToArray());
    }

    /// <summary>A request from its head lines (CRLF added); <c>Host</c> and <c>Connection: close</c> are added.</summary>
    public static byte[] Request(string requestLine, params string[] headers) =>
        Request(Encoding.ASCII.GetBytes(requestLine), [.. headers.Select(Encoding.ASCII.GetBytes)]);

    public static byte[] Request(byte[] requestLine, params byte[][] headers)
    {
        ArgumentNullException.ThrowIfNull(requestLine);
        ArgumentNullException.ThrowIfNull(headers);
        var crlf = "\r\n"u8.ToArray();
        var bytes = new List<byte>(requestLine);
        bytes.AddRange(crlf);
        foreach (var header in headers.Prepend("Host: localhost"u8.ToArray()).Append("Connection: close"u8.ToArray()))
        {
            bytes.AddRange(header);
            bytes.AddRange(crlf);
        }

        bytes.AddRange(crlf);
        return [.. bytes];
    }

    private static RawResponse Parse(byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        end.Should().BeGreaterThan(0, "a complete response head should arrive: {0}", text);
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);
        var body = text[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body)));
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = int.Parse(chunked[position..lineEnd].Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
