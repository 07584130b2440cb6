using Microsoft.Extensions.Logging;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Forwards to a <see cref="LogCapture"/> under a provider type of its own that the test host gives no level
/// rule: it receives exactly what the service's configured levels let through, as its console log does.
/// </summary>
public sealed class ShippedLevelLogCapture(LogCapture inner) : ILoggerProvider, ISupportExternalScope
{
    public LogCapture Inner { get; } = inner;

    public ILogger CreateLogger(string categoryName) => Inner.CreateLogger(categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Inner.SetScopeProvider(scopeProvider);

    public void Dispose()
    {
    }
}
