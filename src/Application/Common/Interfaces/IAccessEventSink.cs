using AliasService.Domain.AccessEvents;

namespace AliasService.Application.Common.Interfaces;

/// <summary>
/// Takes access events off the request path: <see cref="Record"/> never waits and never touches the database; the
/// events are stored in batches in the background (ADR 0017). When the queue is full the event is dropped and counted.
/// </summary>
public interface IAccessEventSink
{
    void Record(AccessEvent accessEvent);
}
