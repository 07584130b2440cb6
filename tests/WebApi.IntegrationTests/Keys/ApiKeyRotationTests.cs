using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// API keys that end on their own (docs/api.md, "API keys"): <c>expires_in</c> on create and
/// <c>DELETE …/api_keys/{id}?after=&lt;seconds&gt;</c>; the key works up to its end and not a second longer, and the
/// organization always keeps a key that neither expires nor is scheduled for revocation.
/// </summary>
public sealed class ApiKeyRotationTests : KeyServiceTest
{
    [Test]
    public async Task Create_WithExpiresIn_WorksUntilThenAndIsRefusedAfter()
    {
        using var response = await Client.PostAsync(Routes.ApiKeys, HttpJson.Body("""{"expires_in":120}"""));
        var key = (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataWith(KeyJson.CreatedApiKeyFields);
        key.Number("expires_at").Should().Be(Factory.Now + 120);
        var organization = WithApiKey(Organization, key);

        Factory.Clock.Advance(TimeSpan.FromSeconds(119));
        using (var before = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, Factory.OrganizationToken(organization)))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, Factory.OrganizationToken(organization));
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }

    [Test]
    public async Task Revoke_WithAfter_KeepsTheKeyWorkingUntilThen()
    {
        var replacement = await CreateApiKeyAsync();
        using var newClient = Factory.CreateClientFor(WithApiKey(Organization, replacement));

        using var scheduled = await newClient.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId) + "?after=300");
        var key = (await scheduled.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataWith(KeyJson.ApiKeyFields);

        key.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
        key.Number("expires_at").Should().Be(Factory.Now + 300);
        Factory.Clock.Advance(TimeSpan.FromSeconds(299));
        using (var before = await Client.GetAsync(Routes.ApiKeys))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var after = await Client.GetAsync(Routes.ApiKeys);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
        using var withNewKey = await newClient.GetAsync(Routes.ApiKeys);
        withNewKey.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Revoke_TheOnlyKeyThatLasts_Returns400EvenWhenAnExpiringKeyIsActive()
    {
        using var created = await Client.PostAsync(Routes.ApiKeys, HttpJson.Body("""{"expires_in":3600}"""));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        using var now = await Client.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId));
        using var later = await Client.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId) + "?after=60");

        (await now.ReadErrorAsync(HttpStatusCode.BadRequest)).Text("message").Should().Contain("last active API key");
        (await later.ReadErrorAsync(HttpStatusCode.BadRequest)).Text("message").Should().Contain("last active API key");
        (await ListApiKeysAsync()).Should().OnlyContain(k => k.GetProperty("revoked_at").ValueKind == JsonValueKind.Null);
    }

    [Test]
    public async Task Revoke_AKeyScheduledForRevocation_CountsItAsEnding()
    {
        var second = await CreateApiKeyAsync();
        using var scheduled = await Client.DeleteAsync(Routes.ApiKey(second.Text("id")!) + "?after=600");
        scheduled.StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await Client.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
    }

    [TestCase("""{"expires_in":0}""")]
    [TestCase("""{"expires_in":31622401}""")]
    [TestCase("""{"expires_in":"60"}""")]
    public async Task Create_WithABadExpiresIn_Returns400NamingIt(string body)
    {
        using var response = await Client.PostAsync(Routes.ApiKeys, HttpJson.Body(body));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Contain("expires_in");
    }

    [TestCase("-1")]
    [TestCase("31622401")]
    [TestCase("soon")]
    public async Task Revoke_WithABadAfter_Returns400(string after)
    {
        var second = await CreateApiKeyAsync();

        using var response = await Client.DeleteAsync(Routes.ApiKey(second.Text("id")!) + "?after=" + after);

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
    }
}
