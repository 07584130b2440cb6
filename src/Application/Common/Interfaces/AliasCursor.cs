using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using AliasService.Domain.Aliases;

namespace AliasService.Application.Common.Interfaces;

/// <summary>
/// A keyset position in the newest-first alias listing: the (inserted_at, id) of the last entry of a page.
/// On the wire it is opaque base64url text.
/// </summary>
public sealed record AliasCursor(long InsertedAt, string Id)
{
    private const int MaxEncodedLength = 200;

    public static AliasCursor After(Alias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return new AliasCursor(alias.InsertedAt, alias.Id);
    }

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{InsertedAt}:{Id}")));

    public static bool TryDecode([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AliasCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        if (!long.TryParse(decoded.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var insertedAt))
        {
            return false;
        }

        cursor = new AliasCursor(insertedAt, decoded[(colon + 1)..]);
        return true;
    }
}
