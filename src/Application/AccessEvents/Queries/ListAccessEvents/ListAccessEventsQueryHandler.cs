using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Domain.Aliases;
using MediatR;

namespace AliasService.Application.AccessEvents.Queries.ListAccessEvents;

/// <summary>
/// Only the alias's owner lists its events (another organization's id answers like a missing one); keyset paging on
/// the event id, one row more than the page to know whether a next page exists.
/// </summary>
public sealed class ListAccessEventsQueryHandler(IAliasRepository aliases, IAccessEventRepository events, IKeysetCursorProtector cursors)
    : IRequestHandler<ListAccessEventsQuery, AccessEventListDto>
{
    public async Task<AccessEventListDto> Handle(ListAccessEventsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);

        var limit = request.Limit ?? PageLimits.Default;
        cursors.TryUnprotect<ListAccessEventsQuery>(request.After, request.OrganizationId, out var after);
        var rows = await events.ListAsync(request.OrganizationId, request.Id, request.Outcome, after, limit + 1, cancellationToken).ConfigureAwait(false);

        // The cursor's text part names the alias, so a cursor of one alias's events is refused for another's.
        var (page, next) = KeysetPage.Split(rows, limit, e => new KeysetCursor(e.Id, e.AliasId));
        var nextCursor = next is null ? null : cursors.Protect<ListAccessEventsQuery>(next, request.OrganizationId);
        return new AccessEventListDto(nextCursor, page.Select(AccessEventDto.From).ToList());
    }
}
