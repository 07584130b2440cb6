using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// Alias tokens signed with an organization's registered public key (docs/api.md, "Alias tokens", "JWT keys"): RS256, PS256 and
/// ES256/384 with the key its <c>kid</c> names pass; the algorithm comes from the registered key, never from the
/// token; an HMAC algorithm never gets a public key; another organization's key, a deleted key or an embedded key
/// never verifies. The target alias is passcode-protected with no jwt_secret, so only a registered key can make a
/// valid token for it.
/// </summary>
public sealed class RegisteredKeyAliasTokenTests : AliasAccessTest
{

    private RSA _rsa = null!;
    private ECDsa _p256 = null!;
    private ECDsa _p384 = null!;
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateSigningKeysAndTargetAliasAsync()
    {
        // Fresh keys for every test, so no test depends on what an earlier one verified with the same public key.
        _rsa = RSA.Create(2048);
        _p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        _alias = await CreateTestAliasAsync(passcode: "2468");
    }

    [TearDown]
    public void DisposeSigningKeys()
    {
        _rsa.Dispose();
        _p256.Dispose();
        _p384.Dispose();
    }

    // ---- accepted ------------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithRs256HostTokenSignedByRegisteredRsaKey_ReturnsHostView()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithPs256TokenSignedByRegisteredRsaKey_ReturnsPublicView()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Ps256(Header("PS256", kid), Payload(_alias.Id, host: false), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_WithEs256HostTokenSignedByRegisteredP256Key_ReturnsHostView()
    {
        var kid = (await RegisterAsync(Client, _p256.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Ecdsa(Header("ES256", kid), Payload(_alias.Id, host: true), _p256, HashAlgorithmName.SHA256);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithEs384HostTokenSignedByRegisteredP384Key_ReturnsHostView()
    {
        var kid = (await RegisterAsync(Client, _p384.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Ecdsa(Header("ES384", kid), Payload(_alias.Id, host: true), _p384, HashAlgorithmName.SHA384);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithTwoRs256TokensSignedBySameRegisteredKey_ReturnsHostViewBothTimes()
    {
        // A registered key serves every token its backend signs, not only the first one verified with it.
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var first = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true), _rsa);
        var second = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true).Replace("user-1", "user-2", StringComparison.Ordinal), _rsa);
        using (var firstResponse = await RetrieveAsync(_alias.Id, first))
        {
            await ShouldBeViewAsync(firstResponse, _alias, ExpectedView.Host);
        }

        using var response = await RetrieveAsync(_alias.Id, second);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithTwoEs256TokensSignedBySameRegisteredKey_ReturnsHostViewBothTimes()
    {
        var kid = (await RegisterAsync(Client, _p256.ExportSubjectPublicKeyInfoPem())).Id;
        var first = RawJwt.Ecdsa(Header("ES256", kid), Payload(_alias.Id, host: true), _p256, HashAlgorithmName.SHA256);
        var second = RawJwt.Ecdsa(Header("ES256", kid), Payload(_alias.Id, host: true).Replace("user-1", "user-2", StringComparison.Ordinal), _p256, HashAlgorithmName.SHA256);
        using (var firstResponse = await RetrieveAsync(_alias.Id, first))
        {
            await ShouldBeViewAsync(firstResponse, _alias, ExpectedView.Host);
        }

        using var response = await RetrieveAsync(_alias.Id, second);

        await ShouldBeViewAsync(response, _alias, ExpectedView.Host);
    }

    // ---- refused -------------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithRs256SignedByAttackerKeyUnderRegisteredKid_Returns401BadSignature()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        using var attacker = RSA.Create(2048);
        var token = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true), attacker);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256UnderKidOfAnotherOrganizationKey_Returns401UnknownKey()
    {
        // Correctly signed with a key that is registered, but by another organization.
        var stranger = await Factory.CreateOrganizationAsync("Stranger");
        using var strangerClient = Factory.CreateClientFor(stranger);
        var kid = (await RegisterAsync(strangerClient, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unknown_key", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithHs256KeyedWithRegisteredPublicKeyPemUnderItsKid_Returns401BadSignature()
    {
        // Algorithm confusion: the public key is public (GET jwt_keys shows it), so it must never be an HMAC key.
        var registered = await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem());
        var token = new TestJwt().WithRawHeader(Header("HS256", registered.Id)).WithRawPayload(Payload(_alias.Id, host: true))
            .SignedHs256(registered.PublicKey).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_SecretAliasWithHs256KeyedWithRegisteredPublicKeyPem_Returns401BadSignature()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var registered = await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem());
        var token = new TestJwt().WithRawHeader(Header("HS256", registered.Id)).WithRawPayload(Payload(alias.Id, host: true))
            .SignedHs256(registered.PublicKey).Encode();

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    [Test]
    public async Task Retrieve_WithEs256UnderKidOfRsaKey_Returns401UnsupportedAlgorithm()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Ecdsa(Header("ES256", kid), Payload(_alias.Id, host: true), _p256, HashAlgorithmName.SHA256);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_algorithm", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256UnderKidOfEcKey_Returns401UnsupportedAlgorithm()
    {
        var kid = (await RegisterAsync(Client, _p256.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_algorithm", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithEs384UnderKidOfP256Key_Returns401UnsupportedAlgorithm()
    {
        var kid = (await RegisterAsync(Client, _p256.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Ecdsa(Header("ES384", kid), Payload(_alias.Id, host: true), _p256, HashAlgorithmName.SHA384);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_algorithm", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256AfterItsKeyWasDeleted_Returns401UnknownKey()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Rs256(Header("RS256", kid), Payload(_alias.Id, host: true), _rsa);
        using (var deleted = await Client.DeleteAsync(Routes.JwtKey(kid)))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.OK, await deleted.Content.ReadAsStringAsync());
        }

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unknown_key", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256UnderRegisteredKidWithEmbeddedJwk_Returns401UnsupportedHeader()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var header = $$"""{"alg":"RS256","typ":"JWT","kid":"{{kid}}","jwk":""" + RawJwt.PublicJwk(_rsa) + "}";
        var token = RawJwt.Rs256(header, Payload(_alias.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256UnderKidHoldingSql_Returns401UnknownKey()
    {
        await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem());
        var token = RawJwt.Rs256("""{"alg":"RS256","typ":"JWT","kid":"x' OR '1'='1"}""", Payload(_alias.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unknown_key", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256UnderKidWithPathTraversal_Returns401UnknownKey()
    {
        await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem());
        var token = RawJwt.Rs256("""{"alg":"RS256","typ":"JWT","kid":"../../../../dev/null"}""", Payload(_alias.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unknown_key", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256TokenForAnotherAliasOfTheSameOrganization_Returns401AliasMismatch()
    {
        var other = await CreateTestAliasAsync(passcode: "1357");
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var token = RawJwt.Rs256(Header("RS256", kid), Payload(other.Id, host: true), _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithExpiredRs256Token_Returns401TokenExpired()
    {
        var kid = (await RegisterAsync(Client, _rsa.ExportSubjectPublicKeyInfoPem())).Id;
        var payload = $$"""{"alias":"{{_alias.Id}}","host":true,"iat":{{Factory.Now - 7200}},"exp":{{Factory.Now - 3600}}}""";
        var token = RawJwt.Rs256(Header("RS256", kid), payload, _rsa);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    private static string Header(string alg, string kid) => $$"""{"alg":"{{alg}}","typ":"JWT","kid":"{{kid}}"}""";

    private string Payload(string aliasId, bool host) =>
        $$"""{"alias":"{{aliasId}}","user_id":"user-1","host":{{(host ? "true" : "false")}},"iat":{{Factory.Now}},"exp":{{Factory.Now + 3600}}}""";

    /// <summary>Registers a public key for the client's organization; answers its id and the PEM the service stored.</summary>
    private static async Task<(string Id, string PublicKey)> RegisterAsync(HttpClient client, string publicKeyPem)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = "backend", ["public_key"] = publicKeyPem });
        using var response = await client.PostAsync(Routes.JwtKeys, HttpJson.Body(body));
        var data = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data");
        return (data.Text("id")!, data.Text("public_key")!);
    }
}
