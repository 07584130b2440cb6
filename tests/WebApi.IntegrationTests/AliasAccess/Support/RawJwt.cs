using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>
/// What the shared <c>TestJwt</c> builder does not do: HMAC with arbitrary key bytes (empty, zeros), RS256 with an
/// attacker's own RSA key, and decoding a token's segments to read what the service minted. Hand-written over
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

    /// <summary>RS256 over <c>header.payload</c> with the given (attacker's) RSA key.</summary>
    public static string Rs256(string headerJson, string payloadJson, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        return signingInput + "." + Encode(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
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
