using AliasService.Application.Common.Interfaces;
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
        var organization = await organizations.GetAsync(request.OrganizationId, cancellationToken).ConfigureAwait(false);
        var key = organization.IssueApiKey(clock);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<CreatedApiKeyDto>(key);
    }
}
