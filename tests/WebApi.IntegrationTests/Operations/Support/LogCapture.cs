using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// A logging provider that keeps everything the service logs, at every level and for every category (the test
/// host lets it see Trace), with structured state, scopes (request id, trace id …) and exception texts.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(CapturedLog entry) => _entries.Enqueue(entry);

    private static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<KeyValuePair<string, string?>> Pairs(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, string?>(p.Key, Text(p.Value)))
            : [];

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, string?>>();
            var scopeTexts = new List<string>();
            capture._scopes.ForEachScope(
                (scope, _) =>
                {
                    scopes.AddRange(Pairs(scope));
                    scopeTexts.Add(Text(scope) ?? string.Empty);
                },
                (object?)null);
            capture.Add(new CapturedLog(
                category,
                logLevel,
                eventId,
                formatter(state, exception),
                [.. Pairs(state)],
                scopes,
                scopeTexts,
                exception?.ToString()));
        }
    }
}
