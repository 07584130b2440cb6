using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using FluentValidation;

namespace AliasService.Application.Common.Validation;

/// <summary>The rules every keyset listing applies to <c>limit</c> and <c>after</c>, stated once.</summary>
internal static class PageValidation
{
    /// <summary>Left out, or 1 to <see cref="PageLimits.Max"/>.</summary>
    public static IRuleBuilderOptions<T, int?> MustBeAPageLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(limit => limit is null or >= 1 and <= PageLimits.Max).WithMessage($"must be an integer from 1 to {PageLimits.Max}");

    /// <summary>Left out, or a cursor this listing (<typeparamref name="TQuery"/>) issued to the caller's organization.</summary>
    public static IRuleBuilderOptions<TQuery, string?> MustBeACursorOf<TQuery>(
        this IRuleBuilder<TQuery, string?> rule, IKeysetCursorProtector cursors, Func<TQuery, string> organizationOf) =>
        rule.Must((query, after) => after is null || cursors.TryUnprotect<TQuery>(after, organizationOf(query), out _))
            .WithMessage("is not a cursor returned by this listing");
}
