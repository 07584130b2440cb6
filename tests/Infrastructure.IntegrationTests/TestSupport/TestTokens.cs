using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AliasService.Infrastructure.IntegrationTests.TestSupport;

/// <summary>
/// Assembles JWTs by hand (base64url, JSON and the signature over "header.payload"), so the tests depend on no
/// token library and can produce exactly the malformed or hostile tokens they need.
/// </summary>
internal static class TestTokens
{
    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string Header(string alg, string? kid = null) =>
        kid is null ? Json(new { alg, typ = "JWT" }) : Json(new { alg, typ = "JWT", kid });

    /// <summary>"header.payload" from raw JSON texts (which may be deliberately odd).</summary>
    public static string SigningInput(string headerJson, string payloadJson) => $"{Encode(headerJson)}.{Encode(payloadJson)}";

    public static string Hmac(string alg, byte[] key, string payloadJson, string? headerJson = null)
    {
        var input = SigningInput(headerJson ?? Header(alg), payloadJson);
        var data = Encoding.ASCII.GetBytes(input);
        var signature = alg switch
        {
            "HS256" => HMACSHA256.HashData(key, data),
            "HS384" => HMACSHA384.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            _ => throw new ArgumentOutOfRangeException(nameof(alg), alg, "not an HMAC algorithm"),
        };
        return $"{input}.{Encode(signature)}";
    }

    public static string Hmac(string alg, string secret, string payloadJson, string? headerJson = null) =>
        Hmac(alg, Encoding.UTF8.GetBytes(secret), payloadJson, headerJson);

    public static string Rsa(string alg, RSA key, string kid, string payloadJson)
    {
        var input = SigningInput(Header(alg, kid), payloadJson);
        var (hash, padding) = alg switch
        {
            "RS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => throw new ArgumentOutOfRangeException(nameof(alg), alg, "not an RSA algorithm these tests use"),
        };
        return $"{input}.{Encode(key.SignData(Encoding.ASCII.GetBytes(input), hash, padding))}";
    }

    public static string Ecdsa(string alg, ECDsa key, string kid, string payloadJson)
    {
        var input = SigningInput(Header(alg, kid), payloadJson);
        var hash = alg switch
        {
            "ES256" => HashAlgorithmName.SHA256,
            "ES384" => HashAlgorithmName.SHA384,
            "ES512" => HashAlgorithmName.SHA512,
            _ => throw new ArgumentOutOfRangeException(nameof(alg), alg, "not an ECDSA algorithm"),
        };

        // JWS wants the fixed-width r||s concatenation (RFC 7518 section 3.4), not DER.
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{input}.{Encode(signature)}";
    }

    /// <summary>The payload of a compact JWS, parsed.</summary>
    public static JsonElement Payload(string token) => Segment(token, 1);

    public static JsonElement HeaderOf(string token) => Segment(token, 0);

    private static JsonElement Segment(string token, int index)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]));
        return document.RootElement.Clone();
    }
}
