using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace AliasService.Domain.Common;

/// <summary>Random, URL-safe identifiers and secrets drawn from the operating system's CSPRNG.</summary>
public static class RandomIdentifier
{
    /// <summary>A prefix followed by base64url text of <paramref name="randomBytes"/> random bytes.</summary>
    public static string New(string prefix, int randomBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(randomBytes, 9); // 72 bits at least, so ids cannot be guessed
        Span<byte> bytes = stackalloc byte[randomBytes];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape <see cref="New"/> gives: the prefix, then exactly the
    /// base64url characters of <paramref name="randomBytes"/> bytes. Lets anything else be refused as "not found"
    /// before it costs a lookup, a cache entry or a limiter partition.
    /// </summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? text, string prefix, int randomBytes)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (text is null || text.Length != prefix.Length + Base64Url.GetEncodedLength(randomBytes)
            || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
