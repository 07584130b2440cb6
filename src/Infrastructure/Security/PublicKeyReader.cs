using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Accepts RSA (2048–8192 bits, public exponent 65537) and EC (named curves P-256/P-384/P-521) public keys in
/// SubjectPublicKeyInfo or PKCS#1 PEM, normalizes them to SPKI PEM and computes the RFC 7638 thumbprint. Refusals
/// say what is wrong and how to fix it, and never quote the input (it may be a private key sent by mistake). Any
/// input, however malformed, ends in an accepted key or such a refusal, never in another exception.
/// </summary>
public sealed class PublicKeyReader : IPublicKeyReader
{
    public const int MinRsaBits = 2048;
    public const int MaxRsaBits = 8192;

    /// <summary>
    /// The only RSA public exponent accepted. Small ones (3) are fragile against implementation mistakes; large ones
    /// make every signature check cost more (a 3070-bit exponent about five times), which one tenant could use to
    /// burn the CPU all tenants share.
    /// </summary>
    private static readonly byte[] Exponent65537 = [0x01, 0x00, 0x01];

    private const string Field = "public_key";

    private const string Unsupported = "is not an RSA or EC public key this service supports (RSA 2048–8192 bits with exponent 65537, or EC on the named curves P-256, P-384 or P-521)";

    public PublicKeyInfo Read(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw Refuse("is required: a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }

        if (pem.Length > TextLimits.PublicKeyPemMax)
        {
            throw Refuse(TextLimits.PublicKeyPemTooLong);
        }

        var text = pem.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw Refuse("is a private key: send only the public half (openssl rsa -in private.pem -pubout, or openssl ec -in private.pem -pubout). The private key was not stored.");
        }

        if (text.Contains("CERTIFICATE REQUEST", StringComparison.Ordinal))
        {
            throw Refuse("is a certificate signing request: extract its public key (openssl req -in request.pem -pubkey -noout)");
        }

        if (text.Contains("CERTIFICATE", StringComparison.Ordinal))
        {
            throw Refuse("is a certificate: extract its public key (openssl x509 -in cert.pem -pubkey -noout)");
        }

        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw Refuse("is not a PEM public key: expected -----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----");
        }

        if (fields.Location.Start.Value != 0 || fields.Location.End.Value != text.Length)
        {
            throw Refuse("must hold exactly one PEM block and nothing else");
        }

        var label = text[fields.Label];
        var der = Convert.FromBase64String(text[fields.Base64Data]);
        try
        {
            return label switch
            {
                "PUBLIC KEY" => FromSubjectPublicKeyInfo(der),
                "RSA PUBLIC KEY" => FromPkcs1(der),
                _ => throw Refuse($"has the PEM label \"{label}\"; expected PUBLIC KEY (SubjectPublicKeyInfo) or RSA PUBLIC KEY (PKCS#1)"),
            };
        }
        catch (CryptographicException)
        {
            // A structure the import accepted but cannot describe or export (odd parameters): not a key we take.
            throw Refuse(Unsupported);
        }
    }

    /// <summary>
    /// The verification key of a stored SPKI PEM; the caller disposes it. A key registered before today's rules
    /// (another RSA exponent, an explicit curve) is refused with the same validation error as at registration.
    /// </summary>
    public static AsymmetricAlgorithm Load(string spkiPem, string algorithm)
    {
        AsymmetricAlgorithm key = string.Equals(algorithm, "RS256", StringComparison.Ordinal) ? RSA.Create() : ECDsa.Create();
        try
        {
            key.ImportFromPem(spkiPem);
            _ = key switch
            {
                RSA rsa => Describe(rsa),
                ECDsa ec => Describe(ec),
                _ => throw Refuse(Unsupported),
            };
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static PublicKeyInfo FromSubjectPublicKeyInfo(byte[] der)
    {
        using (var rsa = RSA.Create())
        {
            if (TryImport(() => rsa.ImportSubjectPublicKeyInfo(der, out _)))
            {
                return Describe(rsa);
            }
        }

        using (var ec = ECDsa.Create())
        {
            if (TryImport(() => ec.ImportSubjectPublicKeyInfo(der, out _)))
            {
                return Describe(ec);
            }
        }

        throw Refuse(Unsupported);
    }

    private static PublicKeyInfo FromPkcs1(byte[] der)
    {
        using var rsa = RSA.Create();
        if (!TryImport(() => rsa.ImportRSAPublicKey(der, out _)))
        {
            throw Refuse("is not a valid PKCS#1 RSA public key");
        }

        return Describe(rsa);
    }

    private static PublicKeyInfo Describe(RSA rsa)
    {
        if (rsa.KeySize is < MinRsaBits or > MaxRsaBits)
        {
            throw Refuse($"is an RSA key of {rsa.KeySize} bits; RSA keys must have {MinRsaBits} to {MaxRsaBits} bits");
        }

        var parameters = rsa.ExportParameters(false);
        var exponent = parameters.Exponent.AsSpan().TrimStart((byte)0);
        if (!exponent.SequenceEqual(Exponent65537))
        {
            var e = new BigInteger(exponent, isUnsigned: true, isBigEndian: true);
            var value = exponent.Length <= 8 ? e.ToString(CultureInfo.InvariantCulture) : $"of {e.GetBitLength()} bits";
            throw Refuse($"is an RSA key with the public exponent {value}; only the exponent 65537 is accepted (what every standard tool generates)");
        }

        var thumbprint = $"{{\"e\":\"{B64(parameters.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{B64(parameters.Modulus!)}\"}}";
        return new PublicKeyInfo(rsa.ExportSubjectPublicKeyInfoPem(), "RS256", Thumbprint(thumbprint));
    }

    private static PublicKeyInfo Describe(ECDsa ec)
    {
        var parameters = ec.ExportParameters(false);
        if (!parameters.Curve.IsNamed || parameters.Curve.Oid?.Value is null)
        {
            throw Refuse("is an EC key with explicit curve parameters; only the named curves P-256, P-384 and P-521 are accepted (openssl ec -pubin -in key.pem -param_enc named_curve -pubout)");
        }

        var (curve, algorithm) = parameters.Curve.Oid.Value switch
        {
            "1.2.840.10045.3.1.7" => ("P-256", "ES256"),
            "1.3.132.0.34" => ("P-384", "ES384"),
            "1.3.132.0.35" => ("P-521", "ES512"),
            _ => throw Refuse($"uses the curve {parameters.Curve.Oid.FriendlyName ?? parameters.Curve.Oid.Value ?? "(unnamed)"}; EC keys must be on P-256, P-384 or P-521"),
        };
        var thumbprint = $"{{\"crv\":\"{curve}\",\"kty\":\"EC\",\"x\":\"{B64(parameters.Q.X!)}\",\"y\":\"{B64(parameters.Q.Y!)}\"}}";
        return new PublicKeyInfo(ec.ExportSubjectPublicKeyInfoPem(), algorithm, Thumbprint(thumbprint));
    }

    private static bool TryImport(Action import)
    {
        try
        {
            import();
            return true;
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // PlatformNotSupportedException: an EC key naming a curve the platform does not know.
            return false;
        }
    }

    /// <summary>RFC 7638: SHA-256 over the required JWK members in lexicographic order, no white space.</summary>
    private static string Thumbprint(string canonicalJwk) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static DomainValidationException Refuse(string reason) => DomainValidationException.For(Field, reason);
}
