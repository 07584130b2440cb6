using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>
/// RFC 7638 JWK thumbprints computed from the key parameters: SHA-256 over the required members in lexicographic
/// order with no white space, base64url without padding.
/// </summary>
public static class Thumbprint
{
    public static string Of(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.ExportParameters(includePrivateParameters: false);
        return Hash($$"""{"e":"{{B64(p.Exponent!)}}","kty":"RSA","n":"{{B64(p.Modulus!)}}"}""");
    }

    public static string Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.ExportParameters(includePrivateParameters: false);
        var crv = key.KeySize switch
        {
            256 => "P-256",
            384 => "P-384",
            521 => "P-521",
            _ => throw new ArgumentException($"No JWK curve name for a {key.KeySize}-bit key.", nameof(key)),
        };
        return Hash($$"""{"crv":"{{crv}}","kty":"EC","x":"{{B64(p.Q.X!)}}","y":"{{B64(p.Q.Y!)}}"}""");
    }

    private static string Hash(string canonicalJwk) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
