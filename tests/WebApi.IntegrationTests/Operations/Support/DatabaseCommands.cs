using System.Collections.Concurrent;
using System.Diagnostics;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Counts the service's database commands (its <c>AliasService.Database</c> spans) per trace: a request sent with
/// its own W3C <c>traceparent</c> can be asked afterwards how many commands it caused, whatever other fixtures
/// running alongside do.
/// </summary>
public sealed class DatabaseCommands : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> _byTrace = new();
    private readonly ActivityListener _listener;

    public DatabaseCommands()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AliasService.Database",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => _byTrace.AddOrUpdate(activity.TraceId, 1, (_, count) => count + 1),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A fresh trace to send as <c>traceparent</c>, and its id.</summary>
    public static (string Traceparent, ActivityTraceId TraceId) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return ($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01", traceId);
    }

    public int In(ActivityTraceId traceId) => _byTrace.GetValueOrDefault(traceId);

    public void Dispose() => _listener.Dispose();
}
