using System.Diagnostics.CodeAnalysis;

namespace AliasService.Domain.Aliases;

/// <summary>The wire spelling of <see cref="AliasType"/>: exactly <c>conference</c> or <c>live</c>, ordinal.</summary>
public static class AliasTypes
{
    public const string Conference = "conference";
    public const string Live = "live";

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
