using AliasService.Application.Common.Validation;
using AliasService.Domain.Common;
using FluentValidation;

namespace AliasService.Application.Aliases.Commands.RevokeAliasTokens;

/// <summary><c>user_id</c> follows the same text rule as the claim of a minted token.</summary>
public sealed class RevokeAliasTokensCommandValidator : AbstractValidator<RevokeAliasTokensCommand>
{
    public RevokeAliasTokensCommandValidator() =>
        RuleFor(c => c.UserId).MustFollowTextRules(1, TextLimits.TokenUserIdMax);
}
