using AliasService.WebApi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// The batched console log when its output fails (a closed pipe, a full disk): logging goes on without waiting, far
/// past the 10,000 lines the queue holds, instead of blocking every request that logs.
/// </summary>
public sealed class BatchedConsoleLogTests
{
    [Test]
    public void WhenTheOutputFails_LoggingNeverWaitsForIt()
    {
        using var services = new ServiceCollection().AddLogging(logging => logging.AddJsonConsole()).BuildServiceProvider();
        using var provider = new BatchedConsoleLoggerProvider(services.GetServices<ConsoleFormatter>(), () => new FailingStream());
        var logger = provider.CreateLogger("test");

        var logging = Task.Run(() =>
        {
            for (var i = 0; i < 30_000; i++)
            {
                logger.LogInformation("line {Number}", i);
            }
        });

        logging.Wait(TimeSpan.FromSeconds(60)).Should().BeTrue("a broken output must not make logging wait for it");
    }

    /// <summary>An output whose every write fails, as a closed pipe does.</summary>
    private sealed class FailingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new IOException("Broken pipe");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");
    }
}
