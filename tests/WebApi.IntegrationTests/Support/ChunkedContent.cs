using System.Net;
using System.Net.Http.Headers;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>A request body of unknown length, so it is sent chunked, without a Content-Length header.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _chunkSize;

    /// <summary>The body, written (and so, over a socket, framed) in pieces of <paramref name="chunkSize"/> bytes.</summary>
    public ChunkedContent(byte[] bytes, string mediaType = "application/json", int chunkSize = 4096)
    {
        _bytes = bytes;
        _chunkSize = chunkSize;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _bytes.Length; offset += _chunkSize)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(_chunkSize, _bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
