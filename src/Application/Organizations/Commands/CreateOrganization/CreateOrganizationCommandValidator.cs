using AliasService.Application.Common.Validation;
using AliasService.Domain.Common;
using FluentValidation;

namespace AliasService.Application.Organizations.Commands.CreateOrganization;

/// <summary>A name is required and follows the text rule: 1–100 characters, not blank.</summary>
public sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrEmpty(n)).WithMessage("is required")
            .MustFollowTextRules(1, TextLimits.OrganizationNameMax, isName: true);
    }
}
