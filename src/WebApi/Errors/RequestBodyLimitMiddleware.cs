namespace AliasService.WebApi.Errors;

/// <summary>
/// Caps request bodies (64 KiB by default) in the app itself, so the limit holds on any server (Kestrel, IIS,
/// the test host) and for chunked bodies with no Content-Length, and answers 413 in the envelope.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, long limit)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limit)
        {
            return ErrorResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, new ErrorBody(new RequestBodyTooLargeException(limit).Message));
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        return next(context);
    }

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new RequestBodyTooLargeException(limit) : read;
        }
    }
}
