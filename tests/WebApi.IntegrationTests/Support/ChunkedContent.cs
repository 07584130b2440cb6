using System.Net;
using System.Net.Http.Headers;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>A request body of unknown length, so it is sent chunked, without a Content-Length header.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(byte[] bytes, string mediaType = "application/json")
    {
        _bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        const int chunk = 4096;
        for (var offset = 0; offset < _bytes.Length; offset += chunk)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(chunk, _bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
