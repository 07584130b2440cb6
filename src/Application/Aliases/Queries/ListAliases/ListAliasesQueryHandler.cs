using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Domain.Aliases;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Queries.ListAliases;

/// <summary>Keyset pagination: fetches one row more than the page to know whether a next page exists.</summary>
public sealed class ListAliasesQueryHandler(IAliasRepository aliases, IKeysetCursorProtector cursors, IMapper mapper)
    : IRequestHandler<ListAliasesQuery, AliasListDto>
{
    public async Task<AliasListDto> Handle(ListAliasesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Limit ?? PageLimits.Default;
        AliasType? type = AliasTypes.TryParse(request.Type, out var parsed) ? parsed : null;
        cursors.TryUnprotect<ListAliasesQuery>(request.After, request.OrganizationId, out var after);

        var rows = await aliases.ListAsync(request.OrganizationId, type, after, limit + 1, cancellationToken).ConfigureAwait(false);
        var (page, next) = KeysetPage.Split(rows, limit, a => new KeysetCursor(a.InsertedAt, a.Id));
        var nextCursor = next is null ? null : cursors.Protect<ListAliasesQuery>(next, request.OrganizationId);
        return new AliasListDto(nextCursor, page.Select(a => mapper.Map<AliasDto>(a.ViewFor(AliasViewer.Owner))).ToList());
    }
}
