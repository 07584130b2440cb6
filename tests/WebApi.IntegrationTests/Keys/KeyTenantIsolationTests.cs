using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// Tenant isolation for keys (docs/api.md, "Organizations"): organization B cannot see or remove organization A's JWT keys or API keys; a
/// foreign id answers exactly like a missing one (404), and A's keys are unchanged and keep working.
/// A is the test's own organization.
/// </summary>
public sealed class KeyTenantIsolationTests : KeyServiceTest
{
    private const string MissingJwtKeyId = "jwk_doesNotExist00";
    private const string MissingApiKeyId = "ak_doesNotExist000";

    private ECDsa _signingKeyOfA = null!;
    private JsonElement _jwtKeyOfA;
    private TestOrganization _b = null!;
    private HttpClient _clientB = null!;

    [SetUp]
    public async Task CreateKeysOfAAndSecondOrganizationAsync()
    {
        _signingKeyOfA = TestKeys.Ec(256);
        _jwtKeyOfA = await RegisterJwtKeyAsync(_signingKeyOfA.ExportSubjectPublicKeyInfoPem(), name: "A's key");
        _b = await Factory.CreateOrganizationAsync("Other Corp");
        _clientB = Factory.CreateClientFor(_b);
    }

    [TearDown]
    public void DisposeKeys()
    {
        _signingKeyOfA.Dispose();
        _clientB.Dispose();
    }

    [Test]
    public async Task GetJwtKey_OfAnotherOrganization_Returns404ExactlyLikeAMissingId()
    {
        using var foreign = await _clientB.GetAsync(Routes.JwtKey(_jwtKeyOfA.Text("id")!));
        using var missing = await _clientB.GetAsync(Routes.JwtKey(MissingJwtKeyId));

        await foreign.ReadErrorAsync(HttpStatusCode.NotFound);
        await ShouldAnswerAlikeAsync(foreign, missing);
        (await foreign.Content.ReadAsStringAsync()).Should().NotContain(_jwtKeyOfA.Text("fingerprint"));
        await KeysOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task DeleteJwtKey_OfAnotherOrganization_Returns404AndTheKeyKeepsWorking()
    {
        using var foreign = await _clientB.DeleteAsync(Routes.JwtKey(_jwtKeyOfA.Text("id")!));
        using var missing = await _clientB.DeleteAsync(Routes.JwtKey(MissingJwtKeyId));

        await foreign.ReadErrorAsync(HttpStatusCode.NotFound);
        await ShouldAnswerAlikeAsync(foreign, missing);
        await KeysOfAShouldBeUnchangedAsync();
        var alias = await CreateAliasAsync("\"passcode\":\"1234-5678\"");
        var token = AsymmetricJwt.ForAlias("ES256", _jwtKeyOfA.Text("id"), alias.Text("id")!, Factory.Now).SignEcdsa(_signingKeyOfA, HashAlgorithmName.SHA256);
        using var retrieved = await RetrieveAsync(alias.Text("id")!, token);
        retrieved.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ListJwtKeys_OfAnotherOrganization_ShowsOnlyItsOwnKeys()
    {
        using var ec = TestKeys.Ec(384);
        var ownOfB = await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: "B's key", client: _clientB);

        (await ListJwtKeysAsync(_clientB)).KeyIds().Should().Equal(ownOfB.Text("id"));
        await KeysOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task RevokeApiKey_OfAnotherOrganization_Returns404ExactlyLikeAMissingIdAndTheKeyKeepsWorking()
    {
        // A holds two active keys, so a revocation would not be refused as "the last one".
        await CreateApiKeyAsync();
        var apiKeysOfA = await ListApiKeysAsync();

        using var foreign = await _clientB.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId));
        using var missing = await _clientB.DeleteAsync(Routes.ApiKey(MissingApiKeyId));

        await foreign.ReadErrorAsync(HttpStatusCode.NotFound);
        await ShouldAnswerAlikeAsync(foreign, missing);
        (await ListApiKeysAsync()).Select(k => k.GetRawText()).Should().Equal(apiKeysOfA.Select(k => k.GetRawText()));
        using var stillWorks = await Client.GetAsync(Routes.ApiKeys);
        stillWorks.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ListApiKeys_OfAnotherOrganization_ShowsOnlyItsOwnKeys()
    {
        await CreateApiKeyAsync();

        (await ListApiKeysAsync(_clientB)).KeyIds().Should().Equal(_b.ApiKeyId);
    }

    private static async Task ShouldAnswerAlikeAsync(HttpResponseMessage foreign, HttpResponseMessage missing)
    {
        foreign.StatusCode.Should().Be(missing.StatusCode);
        foreign.Content.Headers.ContentType?.ToString().Should().Be(missing.Content.Headers.ContentType?.ToString());
        (await foreign.Content.ReadAsStringAsync()).Should().Be(await missing.Content.ReadAsStringAsync());
    }

    private async Task KeysOfAShouldBeUnchangedAsync()
    {
        (await ListJwtKeysAsync()).Select(k => k.GetRawText()).Should().Equal(_jwtKeyOfA.GetRawText());
        using var get = await Client.GetAsync(Routes.JwtKey(_jwtKeyOfA.Text("id")!));
        (await get.ReadJwtKeyAsync(HttpStatusCode.OK)).GetRawText().Should().Be(_jwtKeyOfA.GetRawText());
    }
}
