using AliasService.Application.Common.Validation;
using AliasService.Domain.Organizations;
using FluentValidation;

namespace AliasService.Application.Organizations.Commands.CreateOrganization;

/// <summary>The name by the aggregate's own rule (<see cref="Organization.CheckName"/>), before anything is created.</summary>
public sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(c => c.Name).MustPass(Organization.CheckName);
    }
}
