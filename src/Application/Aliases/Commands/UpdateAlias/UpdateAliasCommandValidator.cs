using FluentValidation;

namespace AliasService.Application.Aliases.Commands.UpdateAlias;

/// <summary>
/// <c>type</c> may be left out but never cleared, and must be one of the two. (<c>expired_at</c> cannot even be sent
/// as null: it is an integer whenever it is present.)
/// </summary>
public sealed class UpdateAliasCommandValidator : AbstractValidator<UpdateAliasCommand>
{
    public UpdateAliasCommandValidator()
    {
        When(c => c.Type.HasValue, () =>
            RuleFor(c => c.Type.Value).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("cannot be cleared; leave it out to keep it")
                .MustBeAliasType()
                .OverridePropertyName("type"));
    }
}
