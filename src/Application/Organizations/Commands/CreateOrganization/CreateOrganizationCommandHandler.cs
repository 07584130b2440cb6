using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Organizations;
using MediatR;

namespace AliasService.Application.Organizations.Commands.CreateOrganization;

/// <summary>Stores a new organization with its first key and hands the secret back once.</summary>
public sealed class CreateOrganizationCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<CreateOrganizationCommand, CreatedOrganizationDto>
{
    public async Task<CreatedOrganizationDto> Handle(CreateOrganizationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = Organization.Create(request.Name!, clock);
        organizations.Add(organization);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var key = organization.ApiKeys.Single();
        return new CreatedOrganizationDto(organization.Id, key.Id, key.Secret);
    }
}
