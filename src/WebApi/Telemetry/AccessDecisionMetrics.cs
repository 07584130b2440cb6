using System.Diagnostics.Metrics;

namespace AliasService.WebApi.Telemetry;

/// <summary>Counts public-retrieval access decisions by outcome and reason (<c>aliasservice.access.decisions</c>).</summary>
internal sealed class AccessDecisionMetrics
{
    public const string MeterName = Infrastructure.ServiceMetrics.MeterName;

    private readonly Counter<long> _decisions;

    public AccessDecisionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _decisions = meter.CreateCounter<long>("aliasservice.access.decisions", unit: "{decision}", description: "Public alias retrieval decisions by outcome and reason.");
    }

    public void Record(string outcome, string reason) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason));
}
