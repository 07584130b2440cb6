using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Queries.GetAlias;

/// <summary>
/// The owner read: the organization's alias in the owner view (secrets included, expired or not); another
/// organization's id answers like a missing one.
/// </summary>
public sealed class GetAliasQueryHandler(IAliasRepository aliases, IMapper mapper) : IRequestHandler<GetAliasQuery, AliasDto>
{
    public async Task<AliasDto> Handle(GetAliasQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);
        return mapper.Map<AliasDto>(alias.ViewFor(AliasViewer.Owner));
    }
}
