using System.Buffers;
using System.Globalization;
using System.Text;

namespace AliasService.Domain.Common;

/// <summary>
/// The one rule for text a client sends (names, passcodes, stream keys, JWT secrets, token user ids). Refused:
/// control characters (NUL included), unpaired surrogates, Unicode noncharacters, and bidirectional controls
/// (embeddings, overrides, isolates and the LRM/RLM/ALM marks), which can make a name display as something else.
/// Names must also show something: a name of only whitespace and invisible characters (ZWJ, ZWSP …) is blank.
/// </summary>
public static class TextRules
{
    /// <summary>Why <paramref name="text"/> is refused, naming the first offending code point; null when it is acceptable.</summary>
    public static string? FindForbiddenCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return $"must not contain U+{(int)rest[0]:X4} (an unpaired surrogate)";
            }

            var kind = ForbiddenKind(rune);
            if (kind is not null)
            {
                return $"must not contain U+{rune.Value:X4} ({kind})";
            }

            rest = rest[consumed..];
        }

        return null;
    }

    /// <summary>The length in Unicode scalar values (an unpaired surrogate, refused anyway, counts as one).</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out _, out var consumed);
            rest = rest[consumed..];
            length++;
        }

        return length;
    }

    /// <summary>True when nothing visible is left once whitespace and invisible characters are ignored.</summary>
    public static bool IsBlank(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The field rule for text limited in characters: allowed characters, <paramref name="min"/> to
    /// <paramref name="max"/> scalar values, and for names not blank. Answers the reason for the field's details, or null.
    /// </summary>
    public static string? Check(string text, int min, int max, bool isName = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FindForbiddenCharacter(text) is { } forbidden)
        {
            return forbidden;
        }

        var length = Length(text);
        if (length < min || length > max)
        {
            return $"must be {min} to {max} characters";
        }

        return isName && IsBlank(text) ? "must not be blank (only spaces or invisible characters)" : null;
    }

    private static string? ForbiddenKind(Rune rune)
    {
        var value = rune.Value;
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control)
        {
            return "a control character";
        }

        if (value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE)
        {
            return "a noncharacter";
        }

        return value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C
            ? "a bidirectional control character"
            : null;
    }

    /// <summary>Format characters (ZWJ, ZWNJ, ZWSP, BOM …) and the other characters that render as nothing.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0
            or >= 0x180B and <= 0x180F or >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;
}
