using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>
/// A hand-written JWS compact serializer for alias tokens signed with .NET's own <see cref="RSA"/>, <see cref="ECDsa"/>
/// or HMAC primitives, independent of the code under test. The header's <c>alg</c> is whatever the test writes, so a
/// token can claim one algorithm and be signed with another.
/// </summary>
public sealed class AsymmetricJwt
{
    private readonly List<KeyValuePair<string, string>> _header = [];
    private readonly List<KeyValuePair<string, string>> _payload = [];

    /// <summary>An alias token: <c>alg</c> as given, <c>typ</c> JWT, <c>kid</c> when given; claims alias, host, iat now, exp in ten minutes.</summary>
    public static AsymmetricJwt ForAlias(string algorithm, string? keyId, string aliasId, long now, bool host = true)
    {
        var token = new AsymmetricJwt().WithHeader("alg", algorithm).WithHeader("typ", "JWT");
        if (keyId is not null)
        {
            token.WithHeader("kid", keyId);
        }

        return token
            .WithClaim("alias", aliasId)
            .WithClaim("user_id", "viewer-1")
            .WithClaim("host", host)
            .WithClaim("iat", now)
            .WithClaim("exp", now + 600);
    }

    public AsymmetricJwt WithHeader(string name, object? value) => Set(_header, name, JsonSerializer.Serialize(value));

    /// <summary>A header member written exactly as given (raw JSON).</summary>
    public AsymmetricJwt WithRawHeader(string name, string rawJson) => Set(_header, name, rawJson);

    public AsymmetricJwt WithClaim(string name, object? value) => Set(_payload, name, JsonSerializer.Serialize(value));

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (what RS256 means).</summary>
    public string SignRsaPkcs1(RSA key) => Encode(input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>RSASSA-PSS with SHA-256, MGF1 SHA-256 and a 32-byte salt (what PS256 means).</summary>
    public string SignRsaPss(RSA key) => Encode(input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

    /// <summary>ECDSA, signature as R || S of fixed length (RFC 7518 section 3.4), which is .NET's default format.</summary>
    public string SignEcdsa(ECDsa key, HashAlgorithmName hash) =>
        Encode(input => key.SignData(input, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>HMAC-SHA256 with arbitrary key bytes (for tokens that abuse public key material or lie about <c>alg</c>).</summary>
    public string SignHmacSha256(byte[] key) => Encode(input => HMACSHA256.HashData(key, input));

    private string Encode(Func<byte[], byte[]> sign)
    {
        var signingInput = TestJwt.Base64UrlOf(ObjectOf(_header)) + "." + TestJwt.Base64UrlOf(ObjectOf(_payload));
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    private AsymmetricJwt Set(List<KeyValuePair<string, string>> members, string name, string rawJson)
    {
        members.RemoveAll(m => m.Key == name);
        members.Add(new(name, rawJson));
        return this;
    }

    private static string ObjectOf(List<KeyValuePair<string, string>> members) =>
        "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Key) + ":" + m.Value)) + "}";
}
