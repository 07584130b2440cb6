using System.Net;
using AliasService.Infrastructure.Caching;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// With the caches on as shipped, a change to an alias is seen by the very next public retrieval: each test first
/// retrieves the alias (so the old state is cached), then changes it, then retrieves again. The second fixture turns
/// off the SQLite data-version guard, so only the published keys of the change can make the tests pass (as on a
/// server database with a cross-instance bus).
/// </summary>
[TestFixture(CacheGuards.AsShipped)]
[TestFixture(CacheGuards.PublishedChangesOnly)]
public sealed class CachedAliasInvalidationTests(CacheGuards guards) : AliasAccessTest
{
    protected override AliasServiceFactory CreateFactory() => CacheGuardsFactory.Create(guards);

    private LocalCaches Caches => Factory.Services.GetRequiredService<LocalCaches>();

    [Test]
    public async Task Caches_AreOnAsShippedAndHoldARetrievedAlias()
    {
        var alias = await CreateTestAliasAsync();

        using var response = await RetrieveAsync(alias.Id);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        if (!TestStorage.IsServer)
        {
            Caches.IsActive.Should().BeTrue("SQLite with the in-process bus runs the caches as shipped");
            Caches.Aliases.TryGet(alias.Id, out var cached).Should().BeTrue();
            cached!.Id.Should().Be(alias.Id);
        }
        else
        {
            Caches.IsActive.Should().BeFalse("a server database without a cross-instance bus runs without caches");
        }
    }

    [Test]
    public async Task Delete_OfACachedAlias_NextRetrievalIs404()
    {
        var alias = await CreateTestAliasAsync();
        await RetrieveOkAsync(alias.Id);

        using (var deleted = await Client.DeleteAsync(Routes.Delete(alias.Id)))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await RetrieveAsync(alias.Id);
        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Update_OfACachedAlias_NextRetrievalShowsTheNewValues()
    {
        var alias = await CreateTestAliasAsync(name: "before");
        await RetrieveOkAsync(alias.Id);

        await UpdateAsync(alias.Id, """{"name":"after"}""");

        using var response = await RetrieveAsync(alias.Id);
        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("name").Should().Be("after");
    }

    [Test]
    public async Task Update_ThatExpiresACachedAlias_NextRetrievalIs410()
    {
        var alias = await CreateTestAliasAsync();
        await RetrieveOkAsync(alias.Id);
        await UpdateAsync(alias.Id, $$"""{"expired_at":{{Factory.Now + 60}}}""");
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeGoneAsync(response, alias);
    }

    [Test]
    public async Task Update_SettingAPasscodeOnACachedOpenAlias_NextRetrievalWithoutItIs401()
    {
        var alias = await CreateTestAliasAsync();
        await RetrieveOkAsync(alias.Id);

        await UpdateAsync(alias.Id, """{"passcode":"5678"}""");

        using var response = await RetrieveAsync(alias.Id);
        await ShouldBeRefusedAsync(response, "credentials_required", alias, tokenSent: null);
    }

    [Test]
    public async Task Update_ChangingTheCachedPasscode_OldPasscodeIs401AndNewOneWorks()
    {
        var alias = await CreateTestAliasAsync(passcode: "1111");
        await RetrieveOkAsync(alias.Id, passcode: "1111");

        await UpdateAsync(alias.Id, """{"passcode":"2222"}""");

        using (var old = await RetrieveAsync(alias.Id, passcode: "1111"))
        {
            await ShouldBeRefusedAsync(old, "invalid_passcode", alias, tokenSent: null);
        }

        await RetrieveOkAsync(alias.Id, passcode: "2222");
    }

    [Test]
    public async Task Update_ClearingTheCachedPasscode_NextRetrievalIsOpen()
    {
        var alias = await CreateTestAliasAsync(passcode: "1111");
        using (var before = await RetrieveAsync(alias.Id))
        {
            await ShouldBeRefusedAsync(before, "credentials_required", alias, tokenSent: null);
        }

        await UpdateAsync(alias.Id, """{"passcode":null}""");

        await RetrieveOkAsync(alias.Id);
    }

    [Test]
    public async Task Update_ChangingTheCachedJwtSecret_TokenOfTheOldSecretIs401AndOfTheNewOneWorks()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var oldToken = AliasToken(alias).Encode();
        await RetrieveOkAsync(alias.Id, token: oldToken);
        var newSecret = NewSecret();

        await UpdateAsync(alias.Id, $$"""{"jwt_secret":"{{newSecret}}"}""");

        using (var old = await RetrieveAsync(alias.Id, token: oldToken))
        {
            await ShouldBeRefusedAsync(old, "bad_signature", alias, tokenSent: oldToken);
        }

        await RetrieveOkAsync(alias.Id, token: AliasToken(alias.Id, newSecret).Encode());
    }

    [Test]
    public async Task Update_ClearingTheCachedJwtSecret_TokenOfTheOldSecretIs401()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: "1111");
        var oldToken = AliasToken(alias).Encode();
        await RetrieveOkAsync(alias.Id, token: oldToken);

        await UpdateAsync(alias.Id, """{"jwt_secret":null}""");

        using var response = await RetrieveAsync(alias.Id, token: oldToken);
        await ShouldBeRefusedAsync(response, "bad_signature", alias, tokenSent: oldToken);
    }

    private async Task RetrieveOkAsync(string id, string? token = null, string? passcode = null)
    {
        using var response = await RetrieveAsync(id, token, passcode);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task UpdateAsync(string id, string json)
    {
        using var response = await Client.PostAsync(Routes.Update(id), HttpJson.Body(json));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
