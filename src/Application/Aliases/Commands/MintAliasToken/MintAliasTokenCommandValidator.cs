using AliasService.Application.Common.Validation;
using AliasService.Domain.Common;
using FluentValidation;

namespace AliasService.Application.Aliases.Commands.MintAliasToken;

/// <summary><c>expires_in</c> 1 s to 7 days; <c>user_id</c> follows the text rule, at most 256 characters.</summary>
public sealed class MintAliasTokenCommandValidator : AbstractValidator<MintAliasTokenCommand>
{
    public MintAliasTokenCommandValidator()
    {
        RuleFor(c => c.ExpiresIn).InclusiveBetween(1, MintAliasTokenCommand.MaxExpiresIn)
            .When(c => c.ExpiresIn.HasValue)
            .WithMessage($"must be from 1 to {MintAliasTokenCommand.MaxExpiresIn} seconds (7 days)");
        RuleFor(c => c.UserId).MustFollowTextRules(1, TextLimits.TokenUserIdMax);
    }
}
