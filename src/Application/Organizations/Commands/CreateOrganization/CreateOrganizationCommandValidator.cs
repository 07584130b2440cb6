using AliasService.Domain.Organizations;
using FluentValidation;

namespace AliasService.Application.Organizations.Commands.CreateOrganization;

/// <summary>A name is required, 1–100 characters, not blank.</summary>
public sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("is required")
            .MaximumLength(Organization.NameMaxLength).WithMessage($"must be at most {Organization.NameMaxLength} characters");
    }
}
