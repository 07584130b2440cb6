using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// <c>POST /organization/api/v1/jwt_keys</c> with the public key formats docs/api.md ("JWT keys") accepts: RSA 2048–8192
/// bits as SubjectPublicKeyInfo or PKCS#1 PEM, EC P-256/P-384/P-521 as SubjectPublicKeyInfo PEM. Every answer holds
/// the key as SPKI PEM, the algorithm its family implies, and the RFC 7638 thumbprint computed here independently.
/// </summary>
public sealed class JwtKeyAcceptedFormatsTests : KeyServiceTest
{
    [OneTimeSetUp]
    public void GenerateLargestRsaKeyOnce()
    {
        // RSA 8192 takes seconds to generate; TestKeys keeps it for both 8192 tests.
        using var _ = TestKeys.Rsa(8192);
    }

    [TestCase(2048)]
    [TestCase(3072)]
    [TestCase(4096)]
    [TestCase(8192)]
    public async Task Create_WithRsaSubjectPublicKeyInfoPem_Returns201WithRs256AndItsThumbprint(int bits)
    {
        using var rsa = TestKeys.Rsa(bits);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();

        var key = await RegisterJwtKeyAsync(pem, name: $"rsa {bits} spki");

        await ShouldBeRegisteredRsaKeyAsync(key, rsa, $"rsa {bits} spki");
    }

    [TestCase(2048)]
    [TestCase(3072)]
    [TestCase(4096)]
    [TestCase(8192)]
    public async Task Create_WithRsaPkcs1Pem_Returns201WithTheKeyAsSubjectPublicKeyInfo(int bits)
    {
        using var rsa = TestKeys.Rsa(bits);
        var pem = rsa.ExportRSAPublicKeyPem();
        pem.Should().StartWith("-----BEGIN RSA PUBLIC KEY-----");

        var key = await RegisterJwtKeyAsync(pem, name: $"rsa {bits} pkcs1");

        await ShouldBeRegisteredRsaKeyAsync(key, rsa, $"rsa {bits} pkcs1");
    }

    [TestCase(256, "ES256")]
    [TestCase(384, "ES384")]
    [TestCase(521, "ES512")]
    public async Task Create_WithEcSubjectPublicKeyInfoPem_Returns201WithTheCurvesAlgorithmAndThumbprint(int bits, string algorithm)
    {
        using var ec = TestKeys.Ec(bits);
        var pem = ec.ExportSubjectPublicKeyInfoPem();

        var key = await RegisterJwtKeyAsync(pem, name: $"ec {bits}");

        key.Text("name").Should().Be($"ec {bits}");
        key.Text("public_key").Should().Be(pem);
        key.Text("algorithm").Should().Be(algorithm);
        key.Text("fingerprint").Should().Be(Thumbprint.Of(ec));
        await ShouldBeStoredAsAnsweredAsync(key);
    }

    [Test]
    public async Task Create_WithTrailingWhitespaceAndNewlines_Returns201WithTheNormalizedPem()
    {
        using var rsa = TestKeys.Rsa(2048);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();

        var key = await RegisterJwtKeyAsync(pem + "\n\n   \t\n  \n");

        key.Text("public_key").Should().Be(pem);
        key.Text("fingerprint").Should().Be(Thumbprint.Of(rsa));
        await ShouldBeStoredAsAnsweredAsync(key);
    }

    [Test]
    public async Task Create_WithWindowsLineEnds_Returns201WithTheNormalizedPem()
    {
        using var ec = TestKeys.Ec(256);
        var pem = ec.ExportSubjectPublicKeyInfoPem();
        var windows = pem.ReplaceLineEndings("\r\n") + "\r\n";
        windows.Should().Contain("\r\n");

        var key = await RegisterJwtKeyAsync(windows);

        key.Text("public_key").Should().Be(pem).And.NotContain("\r");
        key.Text("algorithm").Should().Be("ES256");
        key.Text("fingerprint").Should().Be(Thumbprint.Of(ec));
        await ShouldBeStoredAsAnsweredAsync(key);
    }

    [Test]
    public async Task Create_WithPkcs1PemWithWindowsLineEnds_Returns201WithSubjectPublicKeyInfo()
    {
        using var rsa = TestKeys.Rsa(3072);

        var key = await RegisterJwtKeyAsync(rsa.ExportRSAPublicKeyPem().ReplaceLineEndings("\r\n") + "\r\n");

        key.Text("public_key").Should().Be(rsa.ExportSubjectPublicKeyInfoPem());
        key.Text("fingerprint").Should().Be(Thumbprint.Of(rsa));
    }

    [Test]
    public async Task Create_WithTheRfc7638ExampleKey_ReturnsTheRfcsThumbprint()
    {
        // RFC 7638 section 3.1: this RSA key's thumbprint is NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs.
        const string modulus = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(modulus),
            Exponent = System.Buffers.Text.Base64Url.DecodeFromChars("AQAB"),
        });

        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), name: "RFC 7638 example");

        key.Text("fingerprint").Should().Be("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        key.Text("algorithm").Should().Be("RS256");
    }

    [Test]
    public async Task Create_WithNameOfFiftyCharacters_Returns201WithTheNameAsSent()
    {
        using var ec = TestKeys.Ec(384);
        var name = new string('n', 49) + "é";

        var key = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: name);

        key.Text("name").Should().Be(name);
    }

    [Test]
    public async Task Create_StampsCreatedAtAndUpdatedAtWithTheServiceClock()
    {
        using var ec = TestKeys.Ec(256);

        var key = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem());

        key.Number("created_at").Should().Be(Factory.Now);
        key.Number("updated_at").Should().Be(Factory.Now);
    }

    private async Task ShouldBeRegisteredRsaKeyAsync(JsonElement key, RSA rsa, string name)
    {
        key.Text("id").Should().NotBeNullOrWhiteSpace();
        key.Text("name").Should().Be(name);
        key.Text("public_key").Should().StartWith("-----BEGIN PUBLIC KEY-----\n").And.EndWith("-----END PUBLIC KEY-----");
        key.Text("public_key").Should().Be(rsa.ExportSubjectPublicKeyInfoPem());
        key.Text("algorithm").Should().Be("RS256");
        key.Text("fingerprint").Should().Be(Thumbprint.Of(rsa));

        using var stored = RSA.Create();
        stored.ImportFromPem(key.Text("public_key"));
        stored.KeySize.Should().Be(rsa.KeySize);
        await ShouldBeStoredAsAnsweredAsync(key);
    }

    /// <summary>GET by id answers the same object, and the listing holds exactly it.</summary>
    private async Task ShouldBeStoredAsAnsweredAsync(JsonElement key)
    {
        using var get = await Client.GetAsync(Routes.JwtKey(key.Text("id")!));
        (await get.ReadJwtKeyAsync(HttpStatusCode.OK)).GetRawText().Should().Be(key.GetRawText());
        (await ListJwtKeysAsync()).Select(k => k.GetRawText()).Should().Equal(key.GetRawText());
    }
}
