using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// A fixed-time HMAC check made before the library's, so that a wrong signature (what an attacker sends) is refused
/// without the library's second parse of the token, its signature provider and the exception it builds for every
/// failure. It only ever refuses: a signature that matches, or that this check cannot decode, still goes to the
/// library, which decides exactly as before.
/// </summary>
internal static class HmacSignature
{
    private const int StackLimit = 1024;

    /// <summary>
    /// True when the token's signature is certainly not the HMAC of its first two segments with this key. Call it only
    /// on a token that <see cref="JwtStructure"/> parsed (three base64url segments, so ASCII) and an HMAC algorithm.
    /// </summary>
    public static bool IsCertainlyWrong(string token, SymmetricSecurityKey key, string algorithm)
    {
        var lastDot = token.LastIndexOf('.');
        var signingInput = token.AsSpan(0, lastDot);
        var signature = token.AsSpan(lastDot + 1);
        var hashBytes = algorithm switch
        {
            SecurityAlgorithms.HmacSha256 => HMACSHA256.HashSizeInBytes,
            SecurityAlgorithms.HmacSha384 => HMACSHA384.HashSizeInBytes,
            SecurityAlgorithms.HmacSha512 => HMACSHA512.HashSizeInBytes,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an HMAC algorithm."),
        };

        // A signature of another length never verifies: the library compares the whole of it.
        if (Base64Url.GetMaxDecodedLength(signature.Length) != hashBytes)
        {
            return true;
        }

        // Not decodable here (for instance unused trailing bits set): the library decides.
        Span<byte> presented = stackalloc byte[HMACSHA512.HashSizeInBytes];
        if (Base64Url.DecodeFromChars(signature, presented, out _, out var written) != OperationStatus.Done || written != hashBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        byte[]? rented = null;
        var input = signingInput.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(signingInput.Length));
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, input);
            var secret = key.Key;
            _ = algorithm switch
            {
                SecurityAlgorithms.HmacSha256 => HMACSHA256.HashData(secret, input[..length], expected),
                SecurityAlgorithms.HmacSha384 => HMACSHA384.HashData(secret, input[..length], expected),
                _ => HMACSHA512.HashData(secret, input[..length], expected),
            };
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return !CryptographicOperations.FixedTimeEquals(presented[..hashBytes], expected[..hashBytes]);
    }
}
