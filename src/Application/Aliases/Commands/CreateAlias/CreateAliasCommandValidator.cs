using FluentValidation;

namespace AliasService.Application.Aliases.Commands.CreateAlias;

/// <summary>Presence rules of a create request; the domain checks the values.</summary>
public sealed class CreateAliasCommandValidator : AbstractValidator<CreateAliasCommand>
{
    public CreateAliasCommandValidator()
    {
        RuleFor(c => c.Type).NotNull().WithMessage("is required").DependentRules(() => RuleFor(c => c.Type).MustBeAliasType());
        RuleFor(c => c.ExpiredAt).NotNull().WithMessage("is required (Unix time in seconds)");
    }
}
