using AliasService.Domain.Common;
using FluentValidation;

namespace AliasService.Application.Common.Validation;

/// <summary>The domain's text rule (<see cref="TextRules"/>) for request fields that no aggregate owns or that are checked before one is built.</summary>
internal static class TextValidation
{
    public static IRuleBuilderOptionsConditions<T, string?> MustFollowTextRules<T>(this IRuleBuilder<T, string?> rule, int min, int max, bool isName = false) =>
        rule.Custom((text, context) =>
        {
            if (text is not null && TextRules.Check(text, min, max, isName) is { } reason)
            {
                context.AddFailure(reason);
            }
        });

    /// <summary>
    /// A rule an aggregate states itself (e.g. <c>JwtKey.CheckName</c>: the reason, or null), asked before the
    /// aggregate is built so every field is reported at once.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustPass<T>(this IRuleBuilder<T, string?> rule, Func<string?, string?> check) =>
        rule.Custom((text, context) =>
        {
            if (check(text) is { } reason)
            {
                context.AddFailure(reason);
            }
        });
}
