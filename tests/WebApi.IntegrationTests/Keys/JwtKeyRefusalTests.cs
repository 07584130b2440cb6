using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// <c>POST /organization/api/v1/jwt_keys</c> with something that is not an acceptable public key: a 400 that names
/// <c>public_key</c> (or <c>name</c>) with a reason saying what is wrong, and nothing stored. A private key sent by
/// mistake is never echoed back.
/// </summary>
public sealed class JwtKeyRefusalTests : KeyServiceTest
{
    [Test]
    public async Task Create_WithPkcs8PrivateKey_Returns400AskingForThePublicHalfWithoutEchoingIt()
    {
        using var rsa = TestKeys.Rsa(2048);
        var privatePem = rsa.ExportPkcs8PrivateKeyPem();
        privatePem.Should().StartWith("-----BEGIN PRIVATE KEY-----");

        await ShouldRefusePrivateKeyAsync(privatePem);
    }

    [Test]
    public async Task Create_WithPkcs1RsaPrivateKey_Returns400AskingForThePublicHalfWithoutEchoingIt()
    {
        using var rsa = TestKeys.Rsa(2048);
        var privatePem = rsa.ExportRSAPrivateKeyPem();
        privatePem.Should().StartWith("-----BEGIN RSA PRIVATE KEY-----");

        await ShouldRefusePrivateKeyAsync(privatePem);
    }

    [Test]
    public async Task Create_WithEcPrivateKey_Returns400AskingForThePublicHalfWithoutEchoingIt()
    {
        using var ec = TestKeys.Ec(256);
        var privatePem = ec.ExportECPrivateKeyPem();
        privatePem.Should().StartWith("-----BEGIN EC PRIVATE KEY-----");

        await ShouldRefusePrivateKeyAsync(privatePem);
    }

    [Test]
    public async Task Create_WithSelfSignedCertificate_Returns400SayingToExtractThePublicKey()
    {
        using var rsa = TestKeys.Rsa(2048);
        var request = new CertificateRequest("CN=alias-backend.example", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pem = certificate.ExportCertificatePem();
        pem.Should().StartWith("-----BEGIN CERTIFICATE-----");

        var reason = await ShouldRefusePublicKeyAsync(pem);

        reason.Should().ContainEquivalentOf("certificate").And.ContainEquivalentOf("extract").And.ContainEquivalentOf("public key");
    }

    [Test]
    public async Task Create_WithCertificateSigningRequest_Returns400SayingItIsARequest()
    {
        using var ec = TestKeys.Ec(256);
        var request = new CertificateRequest("CN=alias-backend.example", ec, HashAlgorithmName.SHA256);
        var pem = request.CreateSigningRequestPem();
        pem.Should().StartWith("-----BEGIN CERTIFICATE REQUEST-----");

        var reason = await ShouldRefusePublicKeyAsync(pem);

        reason.Should().ContainEquivalentOf("signing request").And.ContainEquivalentOf("public key");
    }

    [TestCase(1024)]
    [TestCase(1536)]
    public async Task Create_WithRsaKeyShorterThan2048Bits_Returns400SayingTheMinimum(int bits)
    {
        using var rsa = RSA.Create(bits);

        var reason = await ShouldRefusePublicKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());

        reason.Should().Contain("2048").And.Contain(bits.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Create_WithPkcs1RsaKeyOf1024Bits_Returns400SayingTheMinimum()
    {
        using var rsa = RSA.Create(1024);

        var reason = await ShouldRefusePublicKeyAsync(rsa.ExportRSAPublicKeyPem());

        reason.Should().Contain("2048");
    }

    [Test]
    public async Task Create_WithRsaKeyLongerThan8192Bits_Returns400SayingTheMaximum()
    {
        // Generating a real 16384-bit key takes minutes; a public key needs only a modulus of that size.
        var modulus = RandomNumberGenerator.GetBytes(16384 / 8);
        modulus[0] |= 0x80;
        modulus[^1] |= 0x01;
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = [0x01, 0x00, 0x01] });

        var reason = await ShouldRefusePublicKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());

        reason.Should().Contain("8192");
    }

    [Test]
    public async Task Create_WithKeyOnAnUnsupportedCurve_Returns400NamingTheSupportedCurves()
    {
        using var ec = OtherCurveKey();

        var reason = await ShouldRefusePublicKeyAsync(ec.ExportSubjectPublicKeyInfoPem());

        reason.Should().Contain("P-256").And.Contain("P-384").And.Contain("P-521");
    }

    [Test]
    public async Task Create_WithDsaPublicKey_Returns400NamingTheSupportedKeyTypes()
    {
        using var dsa = DSA.Create(2048);

        var reason = await ShouldRefusePublicKeyAsync(dsa.ExportSubjectPublicKeyInfoPem());

        reason.Should().Contain("RSA").And.Contain("P-256");
    }

    [TestCase("hello, this is my key")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    public async Task Create_WithGarbageText_Returns400SayingItIsNotAPublicKey(string garbage)
    {
        var reason = await ShouldRefusePublicKeyAsync(garbage);

        reason.Should().ContainEquivalentOf("public key");
    }

    [Test]
    public async Task Create_WithEmptyPublicKey_Returns400SayingItIsRequired()
    {
        var reason = await ShouldRefusePublicKeyAsync(string.Empty);

        reason.Should().ContainEquivalentOf("required");
    }

    [Test]
    public async Task Create_WithoutPublicKey_Returns400SayingItIsRequired()
    {
        using var response = await PostJwtKeyRawAsync("""{"name":"no key"}""");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("public_key").Should().ContainSingle().Which.Should().ContainEquivalentOf("required");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task Create_WithPemOver16KiB_Returns400SayingTheLimit()
    {
        var body = Convert.ToBase64String(RandomNumberGenerator.GetBytes(13_000), Base64FormattingOptions.InsertLineBreaks).ReplaceLineEndings("\n");
        var pem = $"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----";
        pem.Length.Should().BeGreaterThan(16 * 1024);

        var reason = await ShouldRefusePublicKeyAsync(pem);

        reason.Should().Contain("16 KiB");
    }

    [Test]
    public async Task Create_WithoutName_Returns400NamingName()
    {
        using var ec = TestKeys.Ec(256);
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["public_key"] = ec.ExportSubjectPublicKeyInfoPem() });

        using var response = await PostJwtKeyRawAsync(json);

        await ShouldRefuseNameAsync(response);
    }

    [Test]
    public async Task Create_WithEmptyName_Returns400NamingName()
    {
        using var ec = TestKeys.Ec(256);

        using var response = await PostJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: string.Empty);

        await ShouldRefuseNameAsync(response);
    }

    [Test]
    public async Task Create_WithNameOf51Characters_Returns400NamingNameAndTheLimit()
    {
        using var ec = TestKeys.Ec(256);

        using var response = await PostJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: new string('n', 51));

        var reason = await ShouldRefuseNameAsync(response);
        reason.Should().Contain("50");
    }

    [Test]
    public async Task Create_WithUnknownBodyMember_Returns400NamingIt()
    {
        using var ec = TestKeys.Ec(256);
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = "typo",
            ["public_key"] = ec.ExportSubjectPublicKeyInfoPem(),
            ["algorithm"] = "HS256",
        });

        using var response = await PostJwtKeyRawAsync(json);

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("algorithm");
        error.Text("message").Should().Contain("algorithm");
        await NothingShouldBeStoredAsync();
    }

    /// <summary>secp256k1 where the platform has it, otherwise brainpoolP256r1.</summary>
    private static ECDsa OtherCurveKey()
    {
        foreach (var curve in new[] { "secP256k1", "brainpoolP256r1" })
        {
            try
            {
                return ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
            }
            catch (Exception e) when (e is PlatformNotSupportedException or CryptographicException)
            {
                TestContext.Out.WriteLine($"{curve} is not available here: {e.Message}");
            }
        }

        Assert.Ignore("This platform can generate neither secp256k1 nor brainpoolP256r1 keys.");
        throw new UnreachableException();
    }

    private async Task ShouldRefusePrivateKeyAsync(string privatePem)
    {
        using var response = await PostJwtKeyAsync(privatePem);
        var text = await response.Content.ReadAsStringAsync();

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        var reason = error.DetailsFor("public_key").Should().ContainSingle().Subject;
        reason.Should().ContainEquivalentOf("private key").And.ContainEquivalentOf("public half");
        foreach (var line in TestKeys.Base64Lines(privatePem))
        {
            text.Should().NotContain(line, "a private key sent by mistake is never echoed");
            text.Should().NotContain(JsonEncodedText.Encode(line).ToString());
        }

        await NothingShouldBeStoredAsync();
    }

    /// <summary>Asserts a 400 naming only <c>public_key</c> and that nothing was stored; answers the reason.</summary>
    private async Task<string> ShouldRefusePublicKeyAsync(string pem)
    {
        using var response = await PostJwtKeyAsync(pem);

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("public_key");
        var reason = error.DetailsFor("public_key").Should().ContainSingle().Subject;
        await NothingShouldBeStoredAsync();
        return reason;
    }

    private async Task<string> ShouldRefuseNameAsync(HttpResponseMessage response)
    {
        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("name");
        var reason = error.DetailsFor("name").Should().ContainSingle().Subject;
        await NothingShouldBeStoredAsync();
        return reason;
    }

    private async Task NothingShouldBeStoredAsync() => (await ListJwtKeysAsync()).Should().BeEmpty();
}
