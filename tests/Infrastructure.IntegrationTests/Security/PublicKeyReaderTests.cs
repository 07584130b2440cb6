using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using AliasService.Infrastructure.Security;

namespace AliasService.Infrastructure.IntegrationTests.Security;

[TestFixture]
public sealed class PublicKeyReaderTests
{
    // RFC 7638 section 3.1: the example RSA key and its SHA-256 JWK thumbprint.
    private const string Rfc7638Modulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn6"
        + "4tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n9"
        + "1CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    private const string Rfc7638Thumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    // RFC 8410 section 10.1: an Ed25519 public key, a kind this service does not accept.
    private const string Ed25519Pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----";

    private static readonly RSA Rsa2048 = RSA.Create(2048);

    private readonly PublicKeyReader _reader = new();

    [OneTimeTearDown]
    public static void DisposeKeys() => Rsa2048.Dispose();

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static string Sha256Thumbprint(string canonicalJwk) => B64(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));

    /// <summary>RFC 7638 section 3.2: required members only, in lexicographic order, no white space.</summary>
    private static string ExpectedThumbprint(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return Sha256Thumbprint($"{{\"e\":\"{B64(p.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{B64(p.Modulus!)}\"}}");
    }

    private static string ExpectedThumbprint(ECDsa ec, string crv)
    {
        var p = ec.ExportParameters(false);
        return Sha256Thumbprint($"{{\"crv\":\"{crv}\",\"kty\":\"EC\",\"x\":\"{B64(p.Q.X!)}\",\"y\":\"{B64(p.Q.Y!)}\"}}");
    }

    private string Refusal(string? pem)
    {
        var act = () => _reader.Read(pem);
        var errors = act.Should().Throw<DomainValidationException>().Which.Errors;
        errors.Keys.Should().Equal("public_key");
        return errors["public_key"].Should().ContainSingle().Subject;
    }

    /// <summary>The base64 body lines of a PEM text (what must never be echoed back).</summary>
    private static IEnumerable<string> BodyLines(string pem) =>
        pem.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));

    private static void ShouldNotQuote(string message, string pem)
    {
        foreach (var line in BodyLines(pem))
        {
            message.Should().NotContain(line[..Math.Min(16, line.Length)]);
        }
    }

    // RSA.

    [Test]
    public void Read_Rsa2048SubjectPublicKeyInfo_IsAcceptedAsRs256()
    {
        var pem = Rsa2048.ExportSubjectPublicKeyInfoPem();

        var info = _reader.Read(pem);

        info.Should().Be(new PublicKeyInfo(pem, "RS256", ExpectedThumbprint(Rsa2048)));
    }

    [Test]
    public void Read_Rsa4096SubjectPublicKeyInfo_IsAcceptedAsRs256()
    {
        using var rsa = RSA.Create(4096);

        var info = _reader.Read(rsa.ExportSubjectPublicKeyInfoPem());

        info.Algorithm.Should().Be("RS256");
        info.Fingerprint.Should().Be(ExpectedThumbprint(rsa));
    }

    [Test]
    public void Read_Rsa2048Pkcs1_IsAcceptedAndNormalizedToSubjectPublicKeyInfo()
    {
        var pkcs1 = Rsa2048.ExportRSAPublicKeyPem();

        var info = _reader.Read(pkcs1);

        pkcs1.Should().StartWith("-----BEGIN RSA PUBLIC KEY-----");
        info.Should().Be(new PublicKeyInfo(Rsa2048.ExportSubjectPublicKeyInfoPem(), "RS256", ExpectedThumbprint(Rsa2048)));
    }

    [Test]
    public void Read_TheRfc7638ExampleKey_HasTheRfcsThumbprint()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(Rfc7638Modulus), Exponent = [1, 0, 1] });

        _reader.Read(rsa.ExportSubjectPublicKeyInfoPem()).Fingerprint.Should().Be(Rfc7638Thumbprint);
    }

    [Test]
    public void Read_RsaOf8192Bits_IsAccepted()
    {
        using var rsa = FabricatedRsaPublicKey(8192);

        _reader.Read(rsa.ExportSubjectPublicKeyInfoPem()).Algorithm.Should().Be("RS256");
    }

    [TestCase(1024)]
    [TestCase(2040)]
    [TestCase(8200)]
    public void Read_RsaOutside2048To8192Bits_IsRefusedNamingItsSize(int bits)
    {
        using var rsa = bits == 1024 ? RSA.Create(1024) : FabricatedRsaPublicKey(bits);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();

        var message = Refusal(pem);

        message.Should().Contain($"{bits} bits").And.Contain("2048 to 8192");
        ShouldNotQuote(message, pem);
    }

    [Test]
    public void Read_Rsa1024Pkcs1_IsRefused()
    {
        using var rsa = RSA.Create(1024);

        Refusal(rsa.ExportRSAPublicKeyPem()).Should().Contain("1024 bits");
    }

    /// <summary>
    /// A public key of any size without generating primes (8192-bit generation takes long): a public key is only a
    /// modulus and an exponent, and nothing checks that the modulus has a known factorisation.
    /// </summary>
    private static RSA FabricatedRsaPublicKey(int bits)
    {
        var modulus = RandomNumberGenerator.GetBytes(bits / 8);
        modulus[0] |= 0x80;
        modulus[^1] |= 0x01;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = [1, 0, 1] });
        return rsa;
    }

    // EC.

    [TestCase("nistP256", "P-256", "ES256")]
    [TestCase("nistP384", "P-384", "ES384")]
    [TestCase("nistP521", "P-521", "ES512")]
    public void Read_EcPublicKeyOnASupportedCurve_IsAcceptedWithTheCurvesAlgorithm(string curve, string crv, string algorithm)
    {
        using var ec = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        var pem = ec.ExportSubjectPublicKeyInfoPem();

        var info = _reader.Read(pem);

        info.Should().Be(new PublicKeyInfo(pem, algorithm, ExpectedThumbprint(ec, crv)));
    }

    [Test]
    public void Read_P521Key_ThumbprintUsesFullLengthCoordinates()
    {
        // P-521 coordinates are 66 bytes; a leading zero byte must stay (RFC 7518 section 6.2.1.2).
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var p = ec.ExportParameters(false);

        p.Q.X!.Length.Should().Be(66);
        _reader.Read(ec.ExportSubjectPublicKeyInfoPem()).Fingerprint.Should().Be(ExpectedThumbprint(ec, "P-521"));
    }

    [TestCase("secp256k1")]
    [TestCase("brainpoolP256r1")]
    public void Read_EcPublicKeyOnAnUnsupportedCurve_IsRefusedNamingTheAcceptedCurves(string curve)
    {
        using var ec = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        var pem = ec.ExportSubjectPublicKeyInfoPem();

        var message = Refusal(pem);

        message.Should().Contain("P-256, P-384 or P-521");
        ShouldNotQuote(message, pem);
    }

    [Test]
    public void Read_Ed25519PublicKey_IsRefused()
    {
        Refusal(Ed25519Pem).Should().Contain("is not an RSA or EC public key");
    }

    // Formatting.

    [Test]
    public void Read_WithCrlfLineEndings_IsAcceptedWithTheSameThumbprint()
    {
        var pem = Rsa2048.ExportSubjectPublicKeyInfoPem();

        var info = _reader.Read(pem.Replace("\n", "\r\n", StringComparison.Ordinal));

        info.Should().Be(_reader.Read(pem));
    }

    [TestCase("\n")]
    [TestCase("\r\n\r\n")]
    [TestCase("   \t\n  ")]
    public void Read_WithTrailingWhitespace_IsAccepted(string trailing)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportSubjectPublicKeyInfoPem();

        _reader.Read(pem + trailing).Should().Be(_reader.Read(pem));
    }

    [Test]
    public void Read_WithLeadingWhitespace_IsAccepted()
    {
        var pem = Rsa2048.ExportSubjectPublicKeyInfoPem();

        _reader.Read("\n  " + pem).Fingerprint.Should().Be(ExpectedThumbprint(Rsa2048));
    }

    [Test]
    public void Read_WithBodyLinesOfOtherWidths_IsAccepted()
    {
        var der = Rsa2048.ExportSubjectPublicKeyInfo();
        var pem = $"-----BEGIN PUBLIC KEY-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END PUBLIC KEY-----";

        _reader.Read(pem).Fingerprint.Should().Be(ExpectedThumbprint(Rsa2048));
    }

    [Test]
    public void Read_PemPaddedWithWhitespaceToExactly16KiB_IsAccepted()
    {
        var pem = Rsa2048.ExportSubjectPublicKeyInfoPem();

        var act = () => _reader.Read(pem.PadRight(TextLimits.PublicKeyPemMax));

        act.Should().NotThrow();
    }

    [Test]
    public void Read_PemOver16KiB_IsRefusedBeforeParsing()
    {
        var pem = Rsa2048.ExportSubjectPublicKeyInfoPem();

        Refusal(pem.PadRight(TextLimits.PublicKeyPemMax + 1)).Should().Be("must be at most 16 KiB of PEM text");
    }

    // Refusals: private keys, certificates, anything else.

    [TestCase("rsa-pkcs1")]
    [TestCase("rsa-pkcs8")]
    [TestCase("rsa-encrypted-pkcs8")]
    [TestCase("ec-sec1")]
    [TestCase("ec-pkcs8")]
    public void Read_PrivateKey_IsRefusedSayingToSendOnlyThePublicHalfWithoutQuotingIt(string kind)
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = kind switch
        {
            "rsa-pkcs1" => rsa.ExportRSAPrivateKeyPem(),
            "rsa-pkcs8" => rsa.ExportPkcs8PrivateKeyPem(),
            "rsa-encrypted-pkcs8" => rsa.ExportEncryptedPkcs8PrivateKeyPem("pass".AsSpan(), new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)),
            "ec-sec1" => ec.ExportECPrivateKeyPem(),
            _ => ec.ExportPkcs8PrivateKeyPem(),
        };

        var message = Refusal(pem);

        message.Should().Contain("private key").And.Contain("send only the public half");
        ShouldNotQuote(message, pem);
    }

    [Test]
    public void Read_PrivateKeyFollowedByItsPublicKey_IsRefusedAsAPrivateKey()
    {
        using var rsa = RSA.Create(2048);

        Refusal(rsa.ExportPkcs8PrivateKeyPem() + "\n" + rsa.ExportSubjectPublicKeyInfoPem()).Should().Contain("private key");
    }

    [Test]
    public void Read_Certificate_IsRefusedSayingHowToExtractItsKey()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=alias-service-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pem = certificate.ExportCertificatePem();

        var message = Refusal(pem);

        message.Should().Contain("is a certificate").And.Contain("-pubkey");
        ShouldNotQuote(message, pem);
    }

    [Test]
    public void Read_CertificateSigningRequest_IsRefusedSayingHowToExtractItsKey()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = new CertificateRequest("CN=alias-service-test", ec, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var message = Refusal(pem);

        message.Should().Contain("certificate signing request");
        ShouldNotQuote(message, pem);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   \n ")]
    public void Read_Nothing_IsRefusedAsRequired(string? pem)
    {
        Refusal(pem).Should().StartWith("is required");
    }

    [TestCase("hello")]
    [TestCase("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PRIVATE THING-----")]
    public void Read_SomethingThatIsNotPem_IsRefusedAsNotAPemPublicKey(string pem)
    {
        Refusal(pem).Should().StartWith("is not a PEM public key");
    }

    [Test]
    public void Read_PublicKeyLabelAroundRandomBytes_IsRefusedWithoutQuotingThem()
    {
        var body = Convert.ToBase64String(RandomNumberGenerator.GetBytes(294));
        var pem = $"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----";

        var message = Refusal(pem);

        message.Should().Contain("is not an RSA or EC public key");
        message.Should().NotContain(body[..16]);
    }

    [Test]
    public void Read_Pkcs1LabelAroundASubjectPublicKeyInfo_IsRefused()
    {
        var body = Convert.ToBase64String(Rsa2048.ExportSubjectPublicKeyInfo());

        Refusal($"-----BEGIN RSA PUBLIC KEY-----\n{body}\n-----END RSA PUBLIC KEY-----").Should().Contain("not a valid PKCS#1 RSA public key");
    }

    [Test]
    public void Read_UnknownPemLabel_IsRefusedNamingTheExpectedLabels()
    {
        var body = Convert.ToBase64String(Rsa2048.ExportSubjectPublicKeyInfo());

        var message = Refusal($"-----BEGIN DH PARAMETERS-----\n{body}\n-----END DH PARAMETERS-----");

        message.Should().Contain("PUBLIC KEY (SubjectPublicKeyInfo) or RSA PUBLIC KEY (PKCS#1)");
        message.Should().NotContain(body[..16]);
    }

    [Test]
    public void Read_TwoPemBlocks_IsRefusedAsMoreThanOneBlock()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Refusal(Rsa2048.ExportSubjectPublicKeyInfoPem() + "\n" + ec.ExportSubjectPublicKeyInfoPem())
            .Should().Be("must hold exactly one PEM block and nothing else");
    }

    [TestCase("comment before\n", "")]
    [TestCase("", "\ntrailing text")]
    public void Read_TextAroundThePemBlock_IsRefused(string before, string after)
    {
        Refusal(before + Rsa2048.ExportSubjectPublicKeyInfoPem() + after).Should().Be("must hold exactly one PEM block and nothing else");
    }
}
