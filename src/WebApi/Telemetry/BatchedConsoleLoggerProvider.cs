using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AliasService.WebApi.Telemetry;

/// <summary>
/// The console log, line for line as ASP.NET Core's console logger writes it with the JSON formatter (the same
/// formatter and options), but written in batches: one loop drains every line waiting and writes them with one
/// system call. The console logger writes (and wakes its thread) once per line, which at thousands of requests a
/// second made every request wait for the log (docs/performance.md). The loop waits for lines asynchronously, on no
/// thread: a thread blocked on the channel spun on every wake, which at a few hundred lines a second (creates) took
/// 15 % of the process's sampled thread time. Lines are never dropped: when 10,000 wait, a logging request waits too.
/// Whatever is queued is written at shutdown.
/// </summary>
[ProviderAlias("Console")]
internal sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private const int MaxQueuedLines = 10_000;

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(MaxQueuedLines) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Func<Stream> _output;
    private readonly Task _writer;

    public BatchedConsoleLoggerProvider(IEnumerable<ConsoleFormatter> formatters)
        : this(formatters, Console.OpenStandardOutput)
    {
    }

    /// <summary>Writes to <paramref name="output"/> instead of the standard output (for tests).</summary>
    internal BatchedConsoleLoggerProvider(IEnumerable<ConsoleFormatter> formatters, Func<Stream> output)
    {
        Formatter = formatters.First(f => f.Name == ConsoleFormatterNames.Json);
        _output = output;
        _writer = Task.Run(WriteLinesAsync);
    }

    internal ConsoleFormatter Formatter { get; }

    internal IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new BatchedConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(5));
    }

    internal void Enqueue(string line)
    {
        if (!_lines.Writer.TryWrite(line))
        {
            // Full (or shutting down): wait like the console logger does, never drop a line.
            try
            {
                _lines.Writer.WriteAsync(line).AsTask().GetAwaiter().GetResult();
            }
            catch (ChannelClosedException)
            {
            }
        }
    }

    /// <summary>
    /// Writes until the queue is completed. When the output fails (a closed pipe, a full disk) no line can be written
    /// any more, so none may be waited for either: the queue is completed, and from then on lines are dropped instead
    /// of blocking the requests that log them once 10,000 wait.
    /// </summary>
    private async Task WriteLinesAsync()
    {
        try
        {
            await WriteUntilCompletedAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            _lines.Writer.TryComplete();
            while (_lines.Reader.TryRead(out _))
            {
            }
        }
    }

    private async Task WriteUntilCompletedAsync()
    {
        using var output = new StreamWriter(_output(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var line))
            {
                output.Write(line);
            }

            output.Flush();
        }
    }

    private sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? t_buffer;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.Scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var buffer = t_buffer ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            provider.Formatter.Write(in entry, provider.Scopes, buffer);
            var text = buffer.GetStringBuilder();
            if (text.Length == 0)
            {
                return;
            }

            var line = text.ToString();
            text.Clear();
            if (text.Capacity > 4096)
            {
                text.Capacity = 4096;
            }

            provider.Enqueue(line);
        }
    }
}
