using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// Alias tokens signed with registered JWT keys (docs/api.md, "Alias tokens", "JWT keys"): <c>GET /api/v1/alias/{id}</c> with alias tokens signed RS256, PS256 or
/// ES256/384/512 by a JWT key the alias's organization registered, named by <c>kid</c>. Tokens are signed here with
/// .NET's RSA/ECDsa and assembled by hand. The algorithm comes from the registered key, never from the token.
/// Every test signs with key pairs of its own, so no test's outcome depends on which keys earlier tests verified.
/// </summary>
public sealed class JwtKeyAliasTokenTests : KeyServiceTest
{
    private const string Passcode = "open-sesame-42";
    private const string StreamKey = "live_sk_0123456789";
    private const string JwtSecret = "an-hmac-secret-of-at-least-32-bytes!!";

    private JsonElement _alias;

    private string AliasId => _alias.Text("id")!;

    [SetUp]
    public async Task CreateProtectedAliasAsync() =>
        _alias = await CreateAliasAsync($$"""
            "name":"Quarterly call","passcode":"{{Passcode}}","stream_key":"{{StreamKey}}"
            """);

    [Test]
    public async Task Retrieve_WithRs256TokenOfRegisteredRsaKey_Returns200HostView()
    {
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var token = AsymmetricJwt.ForAlias("RS256", key.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa);

        using var response = await RetrieveAsync(AliasId, token);

        await ShouldBeHostViewAsync(response);
    }

    [Test]
    public async Task Retrieve_WithPs256TokenOfRegisteredRsaKey_Returns200HostView()
    {
        using var rsa = TestKeys.FreshRsa(3072);
        var key = await RegisterJwtKeyAsync(rsa.ExportRSAPublicKeyPem());
        var token = AsymmetricJwt.ForAlias("PS256", key.Text("id"), AliasId, Factory.Now).SignRsaPss(rsa);

        using var response = await RetrieveAsync(AliasId, token);

        await ShouldBeHostViewAsync(response);
    }

    [TestCase(256, "ES256")]
    [TestCase(384, "ES384")]
    [TestCase(521, "ES512")]
    public async Task Retrieve_WithEcdsaTokenOfRegisteredEcKey_Returns200HostView(int bits, string algorithm)
    {
        using var ec = TestKeys.Ec(bits);
        var key = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem());
        key.Text("algorithm").Should().Be(algorithm);
        var token = AsymmetricJwt.ForAlias(algorithm, key.Text("id"), AliasId, Factory.Now).SignEcdsa(ec, TestKeys.EcHash(ec));

        using var response = await RetrieveAsync(AliasId, token);

        await ShouldBeHostViewAsync(response);
    }

    [TestCase("RS256")]
    [TestCase("PS256")]
    [TestCase("ES256")]
    public async Task Retrieve_ManyViewersWithTokensOfTheSameKey_Returns200EveryTime(string algorithm)
    {
        // One registered key serves every viewer of every alias, so every retrieval verifies with the same key again.
        using var rsa = TestKeys.FreshRsa();
        using var ec = TestKeys.Ec(256);
        var key = await RegisterJwtKeyAsync(algorithm == "ES256" ? ec.ExportSubjectPublicKeyInfoPem() : rsa.ExportSubjectPublicKeyInfoPem());
        var statuses = new List<HttpStatusCode>();

        for (var viewer = 0; viewer < 5; viewer++)
        {
            var claims = AsymmetricJwt.ForAlias(algorithm, key.Text("id"), AliasId, Factory.Now).WithClaim("user_id", $"viewer-{viewer}");
            var token = algorithm switch
            {
                "RS256" => claims.SignRsaPkcs1(rsa),
                "PS256" => claims.SignRsaPss(rsa),
                _ => claims.SignEcdsa(ec, HashAlgorithmName.SHA256),
            };
            using var response = await RetrieveAsync(AliasId, token);
            statuses.Add(response.StatusCode);
            TestContext.Out.WriteLine($"viewer {viewer}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task Retrieve_WithNonHostTokenOfRegisteredKey_Returns200PublicView()
    {
        using var ec = TestKeys.Ec(256);
        var key = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem());
        var token = AsymmetricJwt.ForAlias("ES256", key.Text("id"), AliasId, Factory.Now, host: false).SignEcdsa(ec, HashAlgorithmName.SHA256);

        using var response = await RetrieveAsync(AliasId, token);

        var view = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        view.GetProperty("passcode").ValueKind.Should().Be(JsonValueKind.Null);
        view.GetProperty("jwt_secret").ValueKind.Should().Be(JsonValueKind.Null);
        view.GetProperty("stream_key").ValueKind.Should().Be(JsonValueKind.Null);
        view.Text("id").Should().Be(AliasId);
    }

    [TestCase("RS256")]
    [TestCase("ES256")]
    public async Task Retrieve_AfterTheKeyIsDeleted_Returns401OnTheVeryNextRequest(string algorithm)
    {
        using var rsa = TestKeys.FreshRsa();
        using var ec = TestKeys.Ec(256);
        var key = await RegisterJwtKeyAsync(algorithm == "RS256" ? rsa.ExportSubjectPublicKeyInfoPem() : ec.ExportSubjectPublicKeyInfoPem());
        var claims = AsymmetricJwt.ForAlias(algorithm, key.Text("id"), AliasId, Factory.Now);
        var token = algorithm == "RS256" ? claims.SignRsaPkcs1(rsa) : claims.SignEcdsa(ec, HashAlgorithmName.SHA256);
        using (var before = await RetrieveAsync(AliasId, token))
        {
            await ShouldBeHostViewAsync(before);
        }

        using (var delete = await Client.DeleteAsync(Routes.JwtKey(key.Text("id")!)))
        {
            var body = await delete.ReadJsonAsync(HttpStatusCode.OK);
            body.GetRawText().Should().Be("""{"message":"JWT key deleted successfully."}""");
        }

        using var after = await RetrieveAsync(AliasId, token);

        await ShouldBeRefusedAsync(after);
    }

    [Test]
    public async Task Retrieve_WithKidOfAnotherOrganizationsKeySignedWithThatKey_Returns401()
    {
        using var rsa = TestKeys.FreshRsa();
        var other = await Factory.CreateOrganizationAsync("Other Corp");
        using var otherClient = Factory.CreateClientFor(other);
        var foreignKey = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), client: otherClient);
        var token = AsymmetricJwt.ForAlias("RS256", foreignKey.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa);

        using var response = await RetrieveAsync(AliasId, token);

        await ShouldBeRefusedAsync(response);
    }

    [Test]
    public async Task Retrieve_WithSameKeyRegisteredByAnotherOrganizationOnly_Returns401UntilThisOrganizationRegistersIt()
    {
        // The same public key under two organizations: only this organization's registration (its kid) counts.
        using var rsa = TestKeys.FreshRsa();
        var other = await Factory.CreateOrganizationAsync("Other Corp");
        using var otherClient = Factory.CreateClientFor(other);
        var foreignKey = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), client: otherClient);
        var ownKey = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        ownKey.Text("fingerprint").Should().Be(foreignKey.Text("fingerprint"));

        using var foreign = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("RS256", foreignKey.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa));
        using var own = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("RS256", ownKey.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa));

        await ShouldBeRefusedAsync(foreign);
        await ShouldBeHostViewAsync(own);
    }

    [TestCase(true, false)]
    [TestCase(false, false)]
    [TestCase(true, true)]
    [TestCase(false, true)]
    public async Task Retrieve_WithHs256TokenKeyedWithTheRegisteredPublicKeyPemText_Returns401(bool withKid, bool aliasHasSecret)
    {
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var aliasId = aliasHasSecret ? (await CreateAliasAsync($"\"jwt_secret\":\"{JwtSecret}\"")).Text("id")! : AliasId;
        var token = AsymmetricJwt.ForAlias("HS256", withKid ? key.Text("id") : null, aliasId, Factory.Now)
            .SignHmacSha256(Encoding.UTF8.GetBytes(key.Text("public_key")!));

        using var response = await RetrieveAsync(aliasId, token);

        await ShouldBeRefusedAsync(response);
    }

    [TestCase(true, false)]
    [TestCase(false, false)]
    [TestCase(true, true)]
    [TestCase(false, true)]
    public async Task Retrieve_WithHs256TokenKeyedWithTheRegisteredPublicKeyDerBytes_Returns401(bool withKid, bool aliasHasSecret)
    {
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var aliasId = aliasHasSecret ? (await CreateAliasAsync($"\"jwt_secret\":\"{JwtSecret}\"")).Text("id")! : AliasId;
        var token = AsymmetricJwt.ForAlias("HS256", withKid ? key.Text("id") : null, aliasId, Factory.Now)
            .SignHmacSha256(rsa.ExportSubjectPublicKeyInfo());

        using var response = await RetrieveAsync(aliasId, token);

        await ShouldBeRefusedAsync(response);
    }

    [Test]
    public async Task Retrieve_WithRs256TokenSignedByADifferentRsaKeyUnderAValidKid_Returns401()
    {
        using var registered = TestKeys.FreshRsa();
        using var impostor = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(registered.ExportSubjectPublicKeyInfoPem());
        var claims = AsymmetricJwt.ForAlias("RS256", key.Text("id"), AliasId, Factory.Now);

        using var genuine = await RetrieveAsync(AliasId, claims.SignRsaPkcs1(registered));
        using var forged = await RetrieveAsync(AliasId, claims.SignRsaPkcs1(impostor));

        await ShouldBeHostViewAsync(genuine);
        await ShouldBeRefusedAsync(forged);
    }

    [Test]
    public async Task Retrieve_WithEs256TokenUnderAnRsaKeysKid_Returns401()
    {
        using var rsa = TestKeys.FreshRsa();
        using var ec = TestKeys.Ec(256);
        var rsaKey = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), name: "rsa");
        var ecKey = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: "ec");

        using var rightKid = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("ES256", ecKey.Text("id"), AliasId, Factory.Now).SignEcdsa(ec, HashAlgorithmName.SHA256));
        using var rsaKid = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("ES256", rsaKey.Text("id"), AliasId, Factory.Now).SignEcdsa(ec, HashAlgorithmName.SHA256));

        await ShouldBeHostViewAsync(rightKid);
        await ShouldBeRefusedAsync(rsaKid);
    }

    [Test]
    public async Task Retrieve_WithRs256TokenUnderAnEcKeysKid_Returns401()
    {
        using var rsa = TestKeys.FreshRsa();
        using var ec = TestKeys.Ec(256);
        var rsaKey = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), name: "rsa");
        var ecKey = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: "ec");

        using var rightKid = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("RS256", rsaKey.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa));
        using var ecKid = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("RS256", ecKey.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa));

        await ShouldBeHostViewAsync(rightKid);
        await ShouldBeRefusedAsync(ecKid);
    }

    [Test]
    public async Task Retrieve_WithEs512TokenUnderAP256KeysKid_Returns401()
    {
        using var p256 = TestKeys.Ec(256);
        using var p521 = TestKeys.Ec(521);
        var key = await RegisterJwtKeyAsync(p256.ExportSubjectPublicKeyInfoPem());

        using var response = await RetrieveAsync(AliasId, AsymmetricJwt.ForAlias("ES512", key.Text("id"), AliasId, Factory.Now).SignEcdsa(p521, HashAlgorithmName.SHA512));

        await ShouldBeRefusedAsync(response);
    }

    [TestCase("RS256")]
    [TestCase("PS256")]
    [TestCase("ES256")]
    public async Task Retrieve_WithAsymmetricTokenWithoutKid_Returns401(string algorithm)
    {
        using var rsa = TestKeys.FreshRsa();
        using var ec = TestKeys.Ec(256);
        await RegisterJwtKeyAsync(algorithm == "ES256" ? ec.ExportSubjectPublicKeyInfoPem() : rsa.ExportSubjectPublicKeyInfoPem());
        var claims = AsymmetricJwt.ForAlias(algorithm, keyId: null, AliasId, Factory.Now);
        var token = algorithm switch
        {
            "RS256" => claims.SignRsaPkcs1(rsa),
            "PS256" => claims.SignRsaPss(rsa),
            _ => claims.SignEcdsa(ec, HashAlgorithmName.SHA256),
        };

        using var response = await RetrieveAsync(AliasId, token);

        await ShouldBeRefusedAsync(response);
    }

    [TestCase("RS256", false)]
    [TestCase("RS256", true)]
    [TestCase("PS256", true)]
    [TestCase("ES256", false)]
    public async Task Retrieve_WithAsymmetricAlgButHmacSignatureWithTheAliasSecret_Returns401(string algorithm, bool withRegisteredKid)
    {
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var aliasId = (await CreateAliasAsync($"\"jwt_secret\":\"{JwtSecret}\",\"stream_key\":\"{StreamKey}\"")).Text("id")!;
        var secret = Encoding.UTF8.GetBytes(JwtSecret);

        using var hs256 = await RetrieveAsync(aliasId, AsymmetricJwt.ForAlias("HS256", null, aliasId, Factory.Now).SignHmacSha256(secret));
        using var lying = await RetrieveAsync(aliasId, AsymmetricJwt.ForAlias(algorithm, withRegisteredKid ? key.Text("id") : null, aliasId, Factory.Now).SignHmacSha256(secret));

        hs256.StatusCode.Should().Be(HttpStatusCode.OK, "the same claims signed HS256 with the secret are a valid token");
        await ShouldBeRefusedAsync(lying);
    }

    [Test]
    public async Task Retrieve_WithEmbeddedJwkOfTheSigningKeyUnderAValidKid_Returns401()
    {
        // RFC 8725 / security checklist: keys come only from the database; a "jwk" header is never trusted.
        using var registered = TestKeys.FreshRsa();
        using var attacker = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(registered.ExportSubjectPublicKeyInfoPem());
        var p = attacker.ExportParameters(false);
        var jwk = $$"""{"kty":"RSA","e":"{{System.Buffers.Text.Base64Url.EncodeToString(p.Exponent)}}","n":"{{System.Buffers.Text.Base64Url.EncodeToString(p.Modulus)}}"}""";
        var token = AsymmetricJwt.ForAlias("RS256", key.Text("id"), AliasId, Factory.Now).WithRawHeader("jwk", jwk).SignRsaPkcs1(attacker);

        using var response = await RetrieveAsync(AliasId, token);

        await ShouldBeRefusedAsync(response);
    }

    [Test]
    public async Task OrganizationApi_WithAValidAliasTokenOfARegisteredKey_Returns401()
    {
        // Alias tokens and organization tokens are not interchangeable (security checklist).
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var token = AsymmetricJwt.ForAlias("RS256", key.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(rsa);

        using var response = await SendWithTokenAsync(HttpMethod.Get, Routes.JwtKeys, token);

        await ShouldBeRefusedAsync(response);
    }

    [Test]
    public async Task OrganizationApi_WithHs256TokenKeyedWithARegisteredPublicKeyUnderItsKid_Returns401()
    {
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var token = new TestJwt()
            .WithHeader("alg", "HS256").WithHeader("typ", "JWT").WithHeader("kid", key.Text("id"))
            .WithClaim("iat", Factory.Now).WithClaim("exp", Factory.Now + 600)
            .SignedHs256(key.Text("public_key")!).Encode();

        using var response = await SendWithTokenAsync(HttpMethod.Delete, Routes.JwtKey(key.Text("id")!), token);

        await ShouldBeRefusedAsync(response);
        (await ListJwtKeysAsync()).KeyIds().Should().Equal(key.Text("id"));
    }

    [Test]
    public async Task Seed004Flow_OpensslKeyPairRegisteredAndSignedRs256_Returns200UntilTheKeyIsDeleted()
    {
        var openssl = FindOnPath("openssl") ?? FindOnPath("openssl.exe");
        if (openssl is null)
        {
            Assert.Ignore("openssl is not on PATH.");
        }

        var folder = Directory.CreateTempSubdirectory("aliasservice-it-openssl-");
        try
        {
            var privatePath = Path.Combine(folder.FullName, "privatekey.pem");
            var publicPath = Path.Combine(folder.FullName, "publickey.pem");
            await RunAsync(openssl!, "genrsa", "-out", privatePath, "2048");
            await RunAsync(openssl!, "rsa", "-in", privatePath, "-pubout", "-out", publicPath);
            var publicPem = await File.ReadAllTextAsync(publicPath);
            publicPem.Should().StartWith("-----BEGIN PUBLIC KEY-----");
            using var privateKey = RSA.Create();
            privateKey.ImportFromPem(await File.ReadAllTextAsync(privatePath));

            var key = await RegisterJwtKeyAsync(publicPem, name: "openssl 2048");
            key.Text("public_key").Should().Be(publicPem.TrimEnd());
            key.Text("algorithm").Should().Be("RS256");
            key.Text("fingerprint").Should().Be(Thumbprint.Of(privateKey));
            var token = AsymmetricJwt.ForAlias("RS256", key.Text("id"), AliasId, Factory.Now).SignRsaPkcs1(privateKey);

            using (var retrieved = await RetrieveAsync(AliasId, token))
            {
                await ShouldBeHostViewAsync(retrieved);
            }

            using (var delete = await Client.DeleteAsync(Routes.JwtKey(key.Text("id")!)))
            {
                delete.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            using var afterDelete = await RetrieveAsync(AliasId, token);
            await ShouldBeRefusedAsync(afterDelete);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Host view: the owner's alias with passcode and jwt_secret null and the stream key shown.</summary>
    private async Task ShouldBeHostViewAsync(HttpResponseMessage response)
    {
        var view = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        foreach (var same in new[] { "id", "type", "name", "expired_at", "inserted_at" })
        {
            view.GetProperty(same).GetRawText().Should().Be(_alias.GetProperty(same).GetRawText(), "{0} is shown as stored", same);
        }

        view.GetProperty("passcode").ValueKind.Should().Be(JsonValueKind.Null);
        view.GetProperty("jwt_secret").ValueKind.Should().Be(JsonValueKind.Null);
        view.Text("stream_key").Should().Be(StreamKey);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, "{0} {1} failed: {2}{3}", program, string.Join(' ', arguments), await stdout, await stderr);
    }
}
