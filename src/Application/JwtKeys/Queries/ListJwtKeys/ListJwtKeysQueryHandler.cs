using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AutoMapper;
using MediatR;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

/// <summary>Keyset pagination of the organization's JWT keys, newest first.</summary>
public sealed class ListJwtKeysQueryHandler(IJwtKeyRepository keys, IKeysetCursorProtector cursors, IMapper mapper) : IRequestHandler<ListJwtKeysQuery, JwtKeyListDto>
{
    public async Task<JwtKeyListDto> Handle(ListJwtKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Limit ?? PageLimits.Default;
        cursors.TryUnprotect<ListJwtKeysQuery>(request.After, request.OrganizationId, out var after);
        var rows = await keys.ListAsync(request.OrganizationId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        var (page, next) = KeysetPage.Split(rows, limit, k => new KeysetCursor(k.CreatedAt, k.Id));
        var nextCursor = next is null ? null : cursors.Protect<ListJwtKeysQuery>(next, request.OrganizationId);
        return new JwtKeyListDto(nextCursor, page.Select(mapper.Map<JwtKeyDto>).ToList());
    }
}
