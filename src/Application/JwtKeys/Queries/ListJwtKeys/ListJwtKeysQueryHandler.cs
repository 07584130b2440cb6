using AliasService.Application.Common.Interfaces;
using AutoMapper;
using MediatR;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

public sealed class ListJwtKeysQueryHandler(IJwtKeyRepository keys, IMapper mapper) : IRequestHandler<ListJwtKeysQuery, JwtKeyListDto>
{
    public async Task<JwtKeyListDto> Handle(ListJwtKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Limit ?? ListJwtKeysQuery.DefaultLimit;
        KeysetCursor.TryDecode(request.After, out var after);
        var rows = await keys.ListAsync(request.OrganizationId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        var (page, next) = KeysetPage.Split(rows, limit, k => new KeysetCursor(k.CreatedAt, k.Id));
        return new JwtKeyListDto(next, page.Select(mapper.Map<JwtKeyDto>).ToList());
    }
}
