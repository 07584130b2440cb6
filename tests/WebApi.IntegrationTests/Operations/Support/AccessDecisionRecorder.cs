using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Listens to the <c>aliasservice.access.decisions</c> counter of one service instance (its meters are scoped to
/// its own <see cref="IMeterFactory"/>, so services of other test classes running alongside are not heard).
/// </summary>
public sealed class AccessDecisionRecorder : IDisposable
{
    public const string MeterName = "AliasService";
    public const string InstrumentName = "aliasservice.access.decisions";

    private readonly ConcurrentQueue<AccessDecision> _decisions = new();
    private readonly MeterListener _listener = new();

    public AccessDecisionRecorder(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var named = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                named[tag.Key] = tag.Value;
            }

            _decisions.Enqueue(new AccessDecision(value, named.GetValueOrDefault("outcome") as string, named.GetValueOrDefault("reason") as string, named));
        });
        _listener.Start();
    }

    public IReadOnlyList<AccessDecision> Decisions => [.. _decisions];

    public void Dispose() => _listener.Dispose();
}
