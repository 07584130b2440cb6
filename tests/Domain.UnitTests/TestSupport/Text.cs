namespace AliasService.Domain.UnitTests.TestSupport;

/// <summary>Strings of known length in the three units that matter: scalar values, UTF-16 code units, UTF-8 bytes.</summary>
internal static class Text
{
    /// <summary>U+1F600: one Unicode scalar value, two UTF-16 code units, four UTF-8 bytes.</summary>
    public const string Emoji = "\U0001F600";

    /// <summary>U+00E9 (é): one scalar value, one UTF-16 code unit, two UTF-8 bytes.</summary>
    public const string TwoByteLetter = "\u00E9";

    public static string Ascii(int length) => new('a', length);

    public static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));
}
