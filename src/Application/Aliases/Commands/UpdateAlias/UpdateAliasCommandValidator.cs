using FluentValidation;

namespace AliasService.Application.Aliases.Commands.UpdateAlias;

/// <summary><c>type</c> and <c>expired_at</c> may be left out but never cleared.</summary>
public sealed class UpdateAliasCommandValidator : AbstractValidator<UpdateAliasCommand>
{
    public UpdateAliasCommandValidator()
    {
        When(c => c.Type.HasValue, () =>
            RuleFor(c => c.Type.Value).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("cannot be cleared; leave it out to keep it")
                .MustBeAliasType()
                .OverridePropertyName("type"));
        When(c => c.ExpiredAt.HasValue, () =>
            RuleFor(c => c.ExpiredAt.Value).NotNull().WithMessage("cannot be cleared; leave it out to keep it")
                .OverridePropertyName("expired_at"));
    }
}
