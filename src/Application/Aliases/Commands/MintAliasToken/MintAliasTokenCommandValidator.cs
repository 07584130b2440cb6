using FluentValidation;

namespace AliasService.Application.Aliases.Commands.MintAliasToken;

/// <summary><c>expires_in</c> 1 s to 7 days; <c>user_id</c> at most 256 characters.</summary>
public sealed class MintAliasTokenCommandValidator : AbstractValidator<MintAliasTokenCommand>
{
    public MintAliasTokenCommandValidator()
    {
        RuleFor(c => c.ExpiresIn).InclusiveBetween(1, MintAliasTokenCommand.MaxExpiresIn)
            .When(c => c.ExpiresIn.HasValue)
            .WithMessage($"must be from 1 to {MintAliasTokenCommand.MaxExpiresIn} seconds (7 days)");
        RuleFor(c => c.UserId).Length(1, MintAliasTokenCommand.UserIdMaxLength)
            .When(c => c.UserId is not null)
            .WithMessage($"must be 1 to {MintAliasTokenCommand.UserIdMaxLength} characters");
    }
}
