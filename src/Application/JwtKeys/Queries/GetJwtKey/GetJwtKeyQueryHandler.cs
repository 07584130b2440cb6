using AliasService.Application.Common.Interfaces;
using AliasService.Domain.JwtKeys;
using AutoMapper;
using MediatR;

namespace AliasService.Application.JwtKeys.Queries.GetJwtKey;

public sealed class GetJwtKeyQueryHandler(IJwtKeyRepository keys, IMapper mapper) : IRequestHandler<GetJwtKeyQuery, JwtKeyDto>
{
    public async Task<JwtKeyDto> Handle(GetJwtKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new JwtKeyNotFoundException(request.Id);
        return mapper.Map<JwtKeyDto>(key);
    }
}
