using System.Diagnostics.CodeAnalysis;
using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>The wire spelling of <see cref="AliasType"/>: exactly <c>conference</c> or <c>live</c>, ordinal.</summary>
public static class AliasTypes
{
    public const string Conference = "conference";
    public const string Live = "live";

    /// <summary>The refusal of any other text, wherever <c>type</c> is checked.</summary>
    public const string Refusal = "must be \"conference\" or \"live\"";

    /// <summary>The type <paramref name="text"/> spells; anything else is refused (400 naming <c>type</c>), never defaulted.</summary>
    public static AliasType Parse(string? text) =>
        TryParse(text, out var type) ? type : throw DomainValidationException.For("type", Refusal);

    public static bool TryParse([NotNullWhen(true)] string? text, out AliasType type)
    {
        switch (text)
        {
            case Conference:
                type = AliasType.Conference;
                return true;
            case Live:
                type = AliasType.Live;
                return true;
            default:
                type = default;
                return false;
        }
    }

    public static string ToWire(this AliasType type) => type switch
    {
        AliasType.Conference => Conference,
        AliasType.Live => Live,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown alias type."),
    };
}
