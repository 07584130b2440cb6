using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>
/// Key pairs for the tests, generated once per size and handed out as fresh instances (so parallel fixtures never
/// share one <see cref="RSA"/> object). RSA 8192 takes seconds to generate, hence the cache.
/// </summary>
public static class TestKeys
{
    private static readonly ConcurrentDictionary<int, Lazy<byte[]>> RsaKeys = new();

    /// <summary>A private RSA key of this size; the caller disposes it.</summary>
    public static RSA Rsa(int bits)
    {
        var pkcs8 = RsaKeys.GetOrAdd(bits, size => new Lazy<byte[]>(() =>
        {
            using var generated = RSA.Create(size);
            return generated.ExportPkcs8PrivateKey();
        })).Value;
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }

    /// <summary>A fresh RSA key of this size, never handed out before (for "a different key" tests).</summary>
    public static RSA FreshRsa(int bits = 2048) => RSA.Create(bits);

    /// <summary>A fresh EC key on a NIST curve: 256, 384 or 521 bits.</summary>
    public static ECDsa Ec(int bits) => ECDsa.Create(bits switch
    {
        256 => ECCurve.NamedCurves.nistP256,
        384 => ECCurve.NamedCurves.nistP384,
        521 => ECCurve.NamedCurves.nistP521,
        _ => throw new ArgumentOutOfRangeException(nameof(bits), bits, "P-256, P-384 or P-521"),
    });

    /// <summary>The JWS hash for an EC key: ES256, ES384 or ES512 (P-521 signs with SHA-512).</summary>
    public static HashAlgorithmName EcHash(ECDsa key) => (key ?? throw new ArgumentNullException(nameof(key))).KeySize switch
    {
        256 => HashAlgorithmName.SHA256,
        384 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    /// <summary>The base64 body lines of a PEM text (what must never come back in a response).</summary>
    public static IReadOnlyList<string> Base64Lines(string pem) =>
        (pem ?? throw new ArgumentNullException(nameof(pem)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal))
            .ToList();
}
