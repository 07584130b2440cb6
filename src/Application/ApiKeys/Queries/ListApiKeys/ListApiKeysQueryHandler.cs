using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Persistence;
using AutoMapper;
using MediatR;

namespace AliasService.Application.ApiKeys.Queries.ListApiKeys;

public sealed class ListApiKeysQueryHandler(IOrganizationRepository organizations, IMapper mapper)
    : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await organizations.GetAsync(request.OrganizationId, cancellationToken).ConfigureAwait(false);
        return organization.ApiKeys
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id, StringComparer.Ordinal)
            .Select(mapper.Map<ApiKeyDto>)
            .ToList();
    }
}
