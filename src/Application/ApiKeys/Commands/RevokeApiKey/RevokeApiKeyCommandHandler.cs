using AliasService.Application.Common.Interfaces;
using AutoMapper;
using MediatR;

namespace AliasService.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>The organization aggregate refuses to revoke its last active key.</summary>
public sealed class RevokeApiKeyCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await organizations.GetAsync(request.OrganizationId, cancellationToken).ConfigureAwait(false);
        var key = organization.RevokeApiKey(request.Id, clock);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<ApiKeyDto>(key);
    }
}
