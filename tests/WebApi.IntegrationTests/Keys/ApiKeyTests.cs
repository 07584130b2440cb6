using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// <c>/organization/api/v1/api_keys</c> (docs/api.md, "API keys", README "Rotating API keys without downtime"):
/// secrets are shown once, revoked keys fail from the next request on, the last active key cannot be revoked.
/// </summary>
public sealed class ApiKeyTests : KeyServiceTest
{
    [Test]
    public async Task List_OfANewOrganization_ShowsItsFirstKeyWithoutASecret()
    {
        using var response = await Client.GetAsync(Routes.ApiKeys);
        var text = await response.Content.ReadAsStringAsync();

        var (after, entries) = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.ApiKeyFields);

        after.Should().BeNull();
        entries.Should().ContainSingle();
        var key = entries[0];
        key.Text("id").Should().Be(Organization.ApiKeyId);
        key.GetProperty("created_at").ValueKind.Should().Be(JsonValueKind.Number);
        key.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
        text.Should().NotContain("secret").And.NotContain(Organization.ApiSecret);
    }

    [Test]
    public async Task Create_Returns201WithTheSecretOnceAndLaterListsNeverShowIt()
    {
        var created = await CreateApiKeyAsync();

        created.Text("id").Should().NotBeNullOrWhiteSpace().And.NotBe(Organization.ApiKeyId);
        created.Text("secret").Should().NotBeNullOrWhiteSpace();
        created.Number("created_at").Should().Be(Factory.Now);
        created.GetProperty("last_used_at").ValueKind.Should().Be(JsonValueKind.Null);
        created.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
        using var list = await Client.GetAsync(Routes.ApiKeys);
        var text = await list.Content.ReadAsStringAsync();
        var listed = (await list.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.ApiKeyFields).Entries;
        listed.KeyIds().Should().BeEquivalentTo([Organization.ApiKeyId, created.Text("id")]);
        text.Should().NotContain("\"secret\"").And.NotContain(created.Text("secret")).And.NotContain(Organization.ApiSecret);
    }

    [Test]
    public async Task Create_TheNewKeysTokenWorks()
    {
        var created = await CreateApiKeyAsync();
        using var newClient = Factory.CreateClientFor(WithApiKey(Organization, created));

        var alias = await CreateAliasAsync(newClient, "\"name\":\"made with the new key\"");

        Ids(await ListAllAsync(Client)).Should().Equal(alias.Text("id"));
    }

    [Test]
    public async Task List_AfterSeveralCreates_ShowsNewestFirst()
    {
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateApiKeyAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await CreateApiKeyAsync();

        (await ListApiKeysAsync()).KeyIds().Should().Equal(third.Text("id"), second.Text("id"), Organization.ApiKeyId);
    }

    [Test]
    public async Task Revoke_Returns200WithRevokedAtAndTheKeysTokenGets401OnTheVeryNextRequest()
    {
        var created = await CreateApiKeyAsync();
        var revokedToken = Factory.OrganizationToken(WithApiKey(Organization, created));
        using (var before = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, revokedToken))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var revoke = await Client.DeleteAsync(Routes.ApiKey(created.Text("id")!));
        var revoked = (await revoke.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataWith(KeyJson.ApiKeyFields);
        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, revokedToken);

        revoked.Text("id").Should().Be(created.Text("id"));
        revoked.Number("revoked_at").Should().Be(Factory.Now);
        await ShouldBeRefusedAsync(after);
        (await ListApiKeysAsync()).Single(k => k.Text("id") == created.Text("id")).Number("revoked_at").Should().Be(Factory.Now);
    }

    [Test]
    public async Task Revoke_OfTheKeyTheRequestIsSignedWith_Returns200AndThatTokenGets401Next()
    {
        var created = await CreateApiKeyAsync();
        var oldToken = Factory.OrganizationToken(Organization);

        using var revoke = await SendWithTokenAsync(HttpMethod.Delete, Routes.ApiKey(Organization.ApiKeyId), oldToken);
        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, oldToken);
        using var newKey = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, Factory.OrganizationToken(WithApiKey(Organization, created)));

        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeRefusedAsync(after);
        newKey.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Revoke_OfTheLastActiveKey_Returns400SayingSoAndTheKeyStillWorks()
    {
        using var response = await Client.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.Text("message").Should().ContainEquivalentOf("last active API key");
        var listed = await ListApiKeysAsync();
        listed.Should().ContainSingle().Which.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
        await CreateAliasAsync();
    }

    [Test]
    public async Task Revoke_OfTheLastActiveKeyAfterTheOthersWereRevoked_Returns400()
    {
        var created = await CreateApiKeyAsync();
        using (var first = await Client.DeleteAsync(Routes.ApiKey(created.Text("id")!)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await Client.DeleteAsync(Routes.ApiKey(Organization.ApiKeyId));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).Text("message").Should().ContainEquivalentOf("last active");
        using var stillWorks = await Client.GetAsync(Routes.ApiKeys);
        stillWorks.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Revoke_OfAnUnknownId_Returns404()
    {
        await CreateApiKeyAsync();

        using var response = await Client.DeleteAsync(Routes.ApiKey("ak_doesNotExist000"));

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
        (await ListApiKeysAsync()).Should().OnlyContain(k => k.GetProperty("revoked_at").ValueKind == JsonValueKind.Null);
    }

    [Test]
    public async Task LastUsedAt_IsSetWhenTheKeyIsUsed()
    {
        var created = await CreateApiKeyAsync();
        var createdAt = Factory.Now;
        (await ListApiKeysAsync()).Single(k => k.Text("id") == created.Text("id")).GetProperty("last_used_at").ValueKind.Should().Be(JsonValueKind.Null);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        using (var used = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, Factory.OrganizationToken(WithApiKey(Organization, created))))
        {
            used.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var listed = (await ListApiKeysAsync()).Single(k => k.Text("id") == created.Text("id"));
        listed.Number("last_used_at").Should().Be(Factory.Now);
        listed.Number("created_at").Should().Be(createdAt);
    }

    [Test]
    public async Task LastUsedAt_MovesAtMostOnceAMinute()
    {
        var created = await CreateApiKeyAsync();
        var token = () => Factory.OrganizationToken(WithApiKey(Organization, created));
        long LastUsed(List<JsonElement> keys) => keys.Single(k => k.Text("id") == created.Text("id")).Number("last_used_at");
        using (var first = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, token()))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var firstUse = Factory.Now;
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var soon = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, token()))
        {
            soon.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var afterThirtySeconds = LastUsed(await ListApiKeysAsync());
        Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        using (var later = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, token()))
        {
            later.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        afterThirtySeconds.Should().Be(firstUse);
        LastUsed(await ListApiKeysAsync()).Should().Be(Factory.Now);
    }

    [Test]
    public async Task Rotation_AsTheReadmeDescribes_FailsNoRequestAndRefusesTheOldKeyAfterwards()
    {
        var log = new List<(string Step, HttpStatusCode Status)>();
        var oldToken = () => Factory.OrganizationToken(Organization);

        // 1. Create a new key with the current token; its secret is in this response only.
        using var createKey = await SendLoggedAsync(log, "create new key (old token)", HttpMethod.Post, Routes.ApiKeys, oldToken());
        var newKey = (await createKey.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataWith(KeyJson.CreatedApiKeyFields).Clone();
        var newToken = () => Factory.OrganizationToken(WithApiKey(Organization, newKey));

        // 2. Switch to the new key; both keys work meanwhile (requests still in flight with the old one, say).
        var created = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, token) in new[] { ("old", oldToken), ("new", newToken) })
            {
                using var create = await SendLoggedAsync(log, $"create alias {round} ({name} token)", HttpMethod.Post, Routes.Create, token(),
                    $$"""{"type":"conference","name":"round {{round}} {{name}}","expired_at":{{Factory.Now + 3600}}}""");
                if (create.StatusCode == HttpStatusCode.Created)
                {
                    created.Add((await create.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!);
                }

                using var list = await SendLoggedAsync(log, $"list aliases {round} ({name} token)", HttpMethod.Get, Routes.List + "?limit=100", token());
                Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        using var listKeys = await SendLoggedAsync(log, "list keys (new token)", HttpMethod.Get, Routes.ApiKeys, newToken());

        // 3. Revoke the old key with the new token.
        using var revoke = await SendLoggedAsync(log, "revoke old key (new token)", HttpMethod.Delete, Routes.ApiKey(Organization.ApiKeyId), newToken());
        using var afterwards = await SendLoggedAsync(log, "list aliases after revoke (new token)", HttpMethod.Get, Routes.List + "?limit=100", newToken());

        log.Where(entry => (int)entry.Status >= 400).Should().BeEmpty("no request may fail during a rotation; the sequence was: {0}",
            string.Join(", ", log.Select(entry => $"{entry.Step} → {(int)entry.Status}")));
        log.Should().HaveCount(16);
        using var newClient = Factory.CreateClientFor(WithApiKey(Organization, newKey));
        Ids(await ListAllAsync(newClient)).Should().BeEquivalentTo(created);
        using var oldAfterRevoke = await SendWithTokenAsync(HttpMethod.Get, Routes.List, oldToken());
        await ShouldBeRefusedAsync(oldAfterRevoke);
        var keys = await ListApiKeysAsync(newClient);
        keys.Single(k => k.Text("id") == Organization.ApiKeyId).GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Number);
        keys.Single(k => k.Text("id") == newKey.Text("id")).GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private async Task<HttpResponseMessage> SendLoggedAsync(List<(string Step, HttpStatusCode Status)> log, string step, HttpMethod method, string url, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = HttpJson.Body(json);
        }

        var response = await Anonymous.SendAsync(request);
        log.Add((step, response.StatusCode));
        return response;
    }
}
