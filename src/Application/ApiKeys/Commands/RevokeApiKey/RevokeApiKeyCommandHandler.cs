using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Persistence;
using AutoMapper;
using MediatR;

namespace AliasService.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>
/// The organization aggregate refuses to revoke its last active key. Two revocations at once cannot both pass: the
/// organization's version makes the later save conflict, and the retry judges the rule again on what was saved.
/// </summary>
public sealed class RevokeApiKeyCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await unitOfWork.SaveWithRetryAsync(
            async () =>
            {
                var organization = await organizations.GetAsync(request.OrganizationId, cancellationToken).ConfigureAwait(false);
                return organization.RevokeApiKey(request.Id, request.After, clock);
            },
            cancellationToken).ConfigureAwait(false);
        return mapper.Map<ApiKeyDto>(key);
    }
}
