using System.Net;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// With the caches on as shipped, a revoked API key and a deleted JWT key are refused on the very next request:
/// each test first uses the key (so it is cached), then removes it, then uses it again.
/// </summary>
[TestFixture(CacheGuards.AsShipped)]
[TestFixture(CacheGuards.PublishedChangesOnly)]
public sealed class CachedKeyInvalidationTests(CacheGuards guards) : KeyServiceTest
{
    protected override AliasServiceFactory CreateFactory() => CacheGuardsFactory.Create(guards);

    [Test]
    public async Task Revoke_OfACachedApiKey_ItsOwnerTokenNoLongerSeesTheOwnerViewOnTheNextRetrieval()
    {
        var alias = await CreateAliasAsync("\"passcode\":\"1234\"");
        var created = await CreateApiKeyAsync();
        var token = Factory.OrganizationToken(WithApiKey(Organization, created));
        using (var before = await RetrieveAsync(alias.Text("id")!, token))
        {
            (await before.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("passcode").Should().Be("1234");
        }

        using (var revoke = await Client.DeleteAsync(Routes.ApiKey(created.Text("id")!)))
        {
            revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var after = await RetrieveAsync(alias.Text("id")!, token);
        await ShouldBeRefusedAsync(after);
    }

    [Test]
    public async Task Revoke_OfACachedApiKey_ItsTokenGets401FromManagementOnTheNextRequest()
    {
        var (created, token) = await CachedApiKeyTokenAsync();

        using (var revoke = await Client.DeleteAsync(Routes.ApiKey(created.Text("id")!)))
        {
            revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }

    [Test]
    public async Task Delete_OfACachedJwtKey_ItsTokensGet401OnTheNextRequest()
    {
        var (aliasId, keyId, token) = await CachedJwtKeyTokenAsync();

        using (var delete = await Client.DeleteAsync(Routes.JwtKey(keyId)))
        {
            delete.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        }

        using var after = await RetrieveAsync(aliasId, token);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }

    [Test]
    public async Task LastUsedAt_OfACachedApiKey_IsStillRecordedOnceAMinute()
    {
        var created = await CreateApiKeyAsync();
        var token = Factory.OrganizationToken(WithApiKey(Organization, created));
        using (var first = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var firstUse = Factory.Now;
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        token = Factory.OrganizationToken(WithApiKey(Organization, created));
        using (var second = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token))
        {
            second.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await ListApiKeysAsync()).Single(k => k.Text("id") == created.Text("id")).Number("last_used_at").Should().Be(firstUse + 61);
    }
}
