using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>
/// What the shared <c>TestJwt</c> builder does not do: HMAC with arbitrary key bytes (empty, zeros), RS256, PS256
/// and ES256/384/512 signatures, and decoding a token's segments to read what the service minted. Hand-written over
/// the BCL primitives, independent of the code under test.
/// </summary>
internal static class RawJwt
{
    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>HS256 over <c>header.payload</c> (both JSON text, written as given) with exactly these key bytes.</summary>
    public static string Hs256WithKeyBytes(string headerJson, string payloadJson, byte[] key)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        return signingInput + "." + Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>RS256 over <c>header.payload</c> with the given RSA private key.</summary>
    public static string Rs256(string headerJson, string payloadJson, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Signed(headerJson, payloadJson, input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>PS256 (RSASSA-PSS, SHA-256, salt as long as the hash) over <c>header.payload</c>.</summary>
    public static string Ps256(string headerJson, string payloadJson, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Signed(headerJson, payloadJson, input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    /// <summary>ES256/384/512 over <c>header.payload</c>: the JWS signature is R || S (IEEE P1363), as .NET signs by default.</summary>
    public static string Ecdsa(string headerJson, string payloadJson, ECDsa key, HashAlgorithmName hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Signed(headerJson, payloadJson, input => key.SignData(input, hash));
    }

    private static string Signed(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        return signingInput + "." + Encode(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The public half of an RSA key as a JWK object text (<c>kty</c>, <c>n</c>, <c>e</c>).</summary>
    public static string PublicJwk(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return $$"""{"kty":"RSA","n":"{{Encode(parameters.Modulus!)}}","e":"{{Encode(parameters.Exponent!)}}"}""";
    }

    /// <summary>Decodes one base64url segment of a token as a JSON document (the caller disposes it).</summary>
    public static JsonDocument DecodeSegment(string token, int index)
    {
        ArgumentNullException.ThrowIfNull(token);
        return JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]));
    }

    /// <summary>Checks an HS256 signature with the secret's UTF-8 bytes, independently of the service.</summary>
    public static bool HasValidHs256Signature(string token, string secret)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lastDot = token.LastIndexOf('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(token[..lastDot]));
        return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1)));
    }
}
