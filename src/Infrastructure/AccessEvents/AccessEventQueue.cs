using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.AccessEvents;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.AccessEvents;

/// <summary>
/// The bounded in-memory queue between the request path and <see cref="AccessEventWriter"/>: recording is one
/// non-blocking channel write. A full queue (the database far behind) drops the event and counts it in
/// <c>aliasservice.access_events.dropped</c> rather than slow a request.
/// </summary>
public sealed class AccessEventQueue : IAccessEventSink
{
    private readonly Channel<AccessEvent> _channel;
    private readonly bool _enabled;
    private readonly Counter<long> _dropped;

    public AccessEventQueue(IOptions<AccessEventOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _enabled = options.Value.Enabled;
        _channel = Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuses when full, so the drop can be counted
            SingleReader = true,
            SingleWriter = false,
        });
        _dropped = meters.Create(ServiceMetrics.MeterName)
            .CreateCounter<long>("aliasservice.access_events.dropped", unit: "{event}", description: "Access events dropped because the queue to the database was full.");
    }

    internal ChannelReader<AccessEvent> Reader => _channel.Reader;

    public void Record(AccessEvent accessEvent)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        if (_enabled && !_channel.Writer.TryWrite(accessEvent))
        {
            _dropped.Add(1);
        }
    }

    internal void Dropped(int count) => _dropped.Add(count);
}
