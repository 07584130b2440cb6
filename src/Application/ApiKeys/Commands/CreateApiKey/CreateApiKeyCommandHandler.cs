using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Persistence;
using AutoMapper;
using MediatR;

namespace AliasService.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>Adds an active key; its secret is returned once and stored only encrypted.</summary>
public sealed class CreateApiKeyCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await unitOfWork.SaveWithRetryAsync(
            async () =>
            {
                var organization = await organizations.GetAsync(request.OrganizationId, cancellationToken).ConfigureAwait(false);
                return organization.IssueApiKey(request.ExpiresIn, clock);
            },
            cancellationToken).ConfigureAwait(false);
        return mapper.Map<CreatedApiKeyDto>(key);
    }
}
