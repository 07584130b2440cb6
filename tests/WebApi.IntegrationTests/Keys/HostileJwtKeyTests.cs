using System.Net;
using System.Security.Cryptography;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// Registering a key an attacker chose: RSA keys only with e = 65537 (a huge exponent makes every verification
/// expensive for everyone, a tiny one is fragile), EC keys only on a named curve, and no input, however mangled,
/// gets anything but 201 or a 400 naming <c>public_key</c>.
/// </summary>
public sealed class HostileJwtKeyTests : KeyServiceTest
{
    [TestCase(new byte[] { 3 }, TestName = "Create_WithRsaExponent3_Returns400SayingOnly65537")]
    [TestCase(new byte[] { 1, 0, 0, 1 }, TestName = "Create_WithRsaExponent16777217_Returns400SayingOnly65537")]
    [TestCase(new byte[] { 1, 0, 3 }, TestName = "Create_WithRsaExponent65539_Returns400SayingOnly65537")]
    public async Task Create_WithRsaExponentOtherThan65537_Returns400SayingWhy(byte[] exponent)
    {
        using var rsa = HostileKeys.RsaWithExponent(2048, exponent);

        foreach (var pem in new[] { rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportRSAPublicKeyPem() })
        {
            (await RefuseAsync(pem)).Should().Contain("65537");
        }
    }

    [Test]
    public async Task Create_With3072BitRsaKeyAndA3070BitExponent_Returns400SayingOnly65537()
    {
        using var rsa = HostileKeys.RsaWithExponent(3072, HostileKeys.ExponentOfBits(3070));

        (await RefuseAsync(rsa.ExportSubjectPublicKeyInfoPem())).Should().Contain("65537");
    }

    [Test]
    public async Task Create_WithRsaExponent65537_IsAccepted()
    {
        using var rsa = HostileKeys.RsaWithExponent(2048, [1, 0, 1]);

        (await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem())).Text("algorithm").Should().Be("RS256");
    }

    [Test]
    public async Task Create_WithEcKeyWithExplicitCurveParameters_Returns400SayingOnlyNamedCurves()
    {
        var reason = await RefuseAsync(HostileKeys.EcWithExplicitCurvePem());

        reason.Should().Contain("named curve").And.Contain("P-256").And.Contain("P-384").And.Contain("P-521");
    }

    [Test]
    public async Task Create_WithMangledKeys_NeverAnswersAnythingBut201Or400()
    {
        var statuses = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (_, pem) in HostileKeys.MangledPems(seed: 8, count: 200))
        {
            using var response = await PostJwtKeyAsync(pem);
            statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        statuses.Where(s => !(s.Status == HttpStatusCode.Created || (s.Status == HttpStatusCode.BadRequest && s.Body.Contains("\"public_key\""))))
            .Should().BeEmpty();
        statuses.Should().Contain(s => s.Status == HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WithMangledPemText_NeverAnswersAnythingBut201Or400()
    {
        var statuses = new List<(HttpStatusCode Status, string Body)>();
        foreach (var pem in HostileKeys.MangledPemTexts(seed: 8, count: 150))
        {
            using var response = await PostJwtKeyAsync(pem);
            statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        statuses.Where(s => !(s.Status == HttpStatusCode.Created || (s.Status == HttpStatusCode.BadRequest && s.Body.Contains("\"public_key\""))))
            .Should().BeEmpty();
    }

    // A key registered before the exponent rule (here written into the database directly) is no longer used.
    [Test]
    public async Task AliasToken_NamingAStoredKeyWithAnotherExponent_Is401UnknownKey()
    {
        using var registered = TestKeys.FreshRsa();
        var keyId = (await RegisterJwtKeyAsync(registered.ExportSubjectPublicKeyInfoPem())).Text("id")!;
        using var hostile = HostileKeys.RsaWithExponent(2048, [3]);
        (await Factory.Storage.ExecuteAsync("""UPDATE "jwt_keys" SET "PublicKeyPem" = @pem WHERE "Id" = @id""", ("@pem", hostile.ExportSubjectPublicKeyInfoPem()), ("@id", keyId)))
            .Should().Be(1);

        var alias = (await CreateAliasAsync()).Text("id")!;
        var token = AsymmetricJwt.ForAlias("RS256", keyId, alias, Factory.Now).SignRsaPkcs1(registered);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Anonymous.SendAsync(request);

        (await response.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("unknown_key");
    }

    private async Task<string> RefuseAsync(string pem)
    {
        using var response = await PostJwtKeyAsync(pem);
        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("public_key");
        (await ListJwtKeysAsync()).Should().BeEmpty();
        return error.DetailsFor("public_key").Should().ContainSingle().Subject;
    }
}
