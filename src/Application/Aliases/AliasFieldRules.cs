using AliasService.Domain.Aliases;
using FluentValidation;

namespace AliasService.Application.Aliases;

/// <summary>Shape rules shared by the alias validators (presence and enumerations; value rules live in the domain).</summary>
internal static class AliasFieldRules
{
    public static IRuleBuilderOptions<T, string?> MustBeAliasType<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => AliasTypes.TryParse(t, out _)).WithMessage(AliasTypes.Refusal);
}
