using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AliasService.Application.Common.Paging;

/// <summary>
/// A keyset position in a newest-first listing: the (timestamp, id) of the last entry of a page, so a page costs
/// the same at any depth and rows inserted meanwhile cause neither duplicates nor gaps. Its text form is protected by
/// <see cref="Interfaces.IKeysetCursorProtector"/> before it reaches a client.
/// </summary>
public sealed record KeysetCursor(long Timestamp, string Id)
{
    private const int MaxEncodedLength = 200;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Timestamp}:{Id}")));

    public static bool TryDecode([NotNullWhen(true)] string? text, [NotNullWhen(true)] out KeysetCursor? cursor)
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

        cursor = new KeysetCursor(insertedAt, decoded[(colon + 1)..]);
        return true;
    }
}
