using System.Formats.Asn1;
using System.Security.Cryptography;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>Public keys an attacker would register: odd RSA exponents, EC keys with explicit curves, and mangled DER.</summary>
public static class HostileKeys
{
    /// <summary>An RSA public key of <paramref name="modulusBits"/> bits with the given public exponent (big-endian).</summary>
    public static RSA RsaWithExponent(int modulusBits, byte[] exponent)
    {
        using var generated = TestKeys.Rsa(modulusBits);
        var key = RSA.Create();
        key.ImportParameters(new RSAParameters { Modulus = generated.ExportParameters(false).Modulus, Exponent = exponent });
        return key;
    }

    /// <summary>An odd exponent of exactly <paramref name="bits"/> bits.</summary>
    public static byte[] ExponentOfBits(int bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        RandomNumberGenerator.Fill(bytes);
        var topBits = bits - ((bytes.Length - 1) * 8);
        bytes[0] = (byte)((bytes[0] & ((1 << topBits) - 1)) | (1 << (topBits - 1)));
        bytes[^1] |= 1;
        return bytes;
    }

    /// <summary>The public half of a P-256 key, written with the curve's explicit parameters instead of its name.</summary>
    public static string EcWithExplicitCurvePem()
    {
        using var named = TestKeys.Ec(256);
        using var explicitCurve = ECDsa.Create(named.ExportExplicitParameters(false));
        return explicitCurve.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>
    /// Deterministic variants of valid and invalid public-key DER (flipped and replaced bytes, truncations,
    /// insertions, changed lengths), each as a PEM block with the given label.
    /// </summary>
    public static IEnumerable<(string Label, string Pem)> MangledPems(int seed, int count)
    {
        using var rsa = TestKeys.Rsa(2048);
        using var p256 = TestKeys.Ec(256);
        using var p384 = TestKeys.Ec(384);
        using var explicitCurve = ECDsa.Create(p256.ExportExplicitParameters(false));
        var bases = new (string Label, byte[] Der)[]
        {
            ("PUBLIC KEY", rsa.ExportSubjectPublicKeyInfo()),
            ("RSA PUBLIC KEY", rsa.ExportRSAPublicKey()),
            ("PUBLIC KEY", p256.ExportSubjectPublicKeyInfo()),
            ("PUBLIC KEY", p384.ExportSubjectPublicKeyInfo()),
            ("PUBLIC KEY", explicitCurve.ExportSubjectPublicKeyInfo()),
            ("PUBLIC KEY", EmptySequence()),
        };
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (label, der) = bases[random.Next(bases.Length)];
            yield return (label, PemEncoding.WriteString(label, Mangle(der, random)));
        }
    }

    /// <summary>Deterministic variants of valid PEM text: characters replaced, inserted or removed anywhere (labels, base64, line breaks).</summary>
    public static IEnumerable<string> MangledPemTexts(int seed, int count)
    {
        using var rsa = TestKeys.Rsa(2048);
        using var p256 = TestKeys.Ec(256);
        string[] bases = [rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportRSAPublicKeyPem(), p256.ExportSubjectPublicKeyInfoPem()];
        const string Alphabet = "-=+/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 \r\n\t\0\u00e9\u202e";
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new System.Text.StringBuilder(bases[random.Next(bases.Length)]);
            for (var e = random.Next(1, 4); e > 0 && text.Length > 1; e--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    case 1:
                        text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        text.Remove(at, 1);
                        break;
                }
            }

            yield return text.ToString();
        }
    }

    private static byte[] Mangle(byte[] der, Random random)
    {
        var bytes = der.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 1; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                    // Early bytes hold tags and lengths: the most interesting place to break.
                    bytes[random.Next(Math.Min(bytes.Count, 24))] = (byte)random.Next(256);
                    break;
                default:
                    bytes[at] = bytes[at] is 0x02 or 0x03 or 0x04 or 0x06 or 0x30 ? (byte)0x05 : (byte)0x30;
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] EmptySequence()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence();
        writer.PopSequence();
        return writer.Encode();
    }
}
