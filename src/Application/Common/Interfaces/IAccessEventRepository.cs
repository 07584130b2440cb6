using AliasService.Application.Common.Paging;
using AliasService.Domain.AccessEvents;

namespace AliasService.Application.Common.Interfaces;

/// <summary>Reads stored access events; they are written by the background writer behind <see cref="IAccessEventSink"/>.</summary>
public interface IAccessEventRepository
{
    /// <summary>
    /// One page of the organization's events of one alias, newest first (id descending), with this outcome when given,
    /// strictly after <paramref name="after"/> (its <see cref="KeysetCursor.Timestamp"/> is the last event's id).
    /// </summary>
    Task<IReadOnlyList<AccessEvent>> ListAsync(string organizationId, string aliasId, string? outcome, KeysetCursor? after, int take, CancellationToken cancellationToken);
}
