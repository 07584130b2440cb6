using System.Buffers.Text;
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
}
