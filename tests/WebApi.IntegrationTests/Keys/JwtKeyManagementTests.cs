using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// <c>GET</c> (list, one) and <c>DELETE</c> on <c>/organization/api/v1/jwt_keys</c> (docs/api.md, "JWT keys"): newest first,
/// keyset pages of <c>limit</c> 1–100 (default 25) with an opaque <c>after</c> cursor, 404 for an unknown id.
/// </summary>
public sealed class JwtKeyManagementTests : KeyServiceTest
{
    [Test]
    public async Task List_OfANewOrganization_IsEmpty()
    {
        using var response = await Client.GetAsync(Routes.JwtKeys);

        var (after, entries) = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.JwtKeyFields);

        after.Should().BeNull();
        entries.Should().BeEmpty();
    }

    [Test]
    public async Task List_ShowsNewestFirst()
    {
        var registered = await RegisterKeysAsync(3, secondsApart: 1);

        (await ListJwtKeysAsync()).KeyIds().Should().Equal(Enumerable.Reverse(registered));
    }

    [Test]
    public async Task List_WithoutLimit_AnswersPagesOf25WithACursorToTheRest()
    {
        var registered = await RegisterKeysAsync(27, secondsApart: 0);

        var first = await ListPageAsync(query: null);
        var second = await ListPageAsync($"after={Uri.EscapeDataString(first.After!)}");

        first.Entries.Should().HaveCount(25);
        first.After.Should().NotBeNull();
        second.Entries.Should().HaveCount(2);
        second.After.Should().BeNull();
        first.Entries.Concat(second.Entries).KeyIds().Should().BeEquivalentTo(registered).And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task List_FollowingTheCursor_VisitsEveryKeyOnceNewestFirstEvenWithinOneSecond()
    {
        // Some keys share a created_at second: the cursor must still neither skip nor repeat any of them.
        var registered = new List<string>();
        registered.AddRange(await RegisterKeysAsync(3, secondsApart: 0));
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        registered.AddRange(await RegisterKeysAsync(3, secondsApart: 0));

        var visited = new List<JsonElement>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await ListPageAsync(after is null ? "limit=2" : $"limit=2&after={Uri.EscapeDataString(after)}");
            page.Entries.Count.Should().BeLessThanOrEqualTo(2);
            visited.AddRange(page.Entries);
            after = page.After;
            pages++;
        }
        while (after is not null && pages < 10);

        visited.KeyIds().Should().OnlyHaveUniqueItems().And.BeEquivalentTo(registered);
        visited.Select(k => k.Number("created_at")).Should().BeInDescendingOrder();
        visited.KeyIds().Take(3).Should().BeEquivalentTo(registered.Skip(3), "the newer second comes first");
    }

    [TestCase("limit=0")]
    [TestCase("limit=101")]
    [TestCase("limit=-1")]
    [TestCase("limit=ten")]
    public async Task List_WithLimitOutsideOneTo100_Returns400NamingLimit(string query)
    {
        using var response = await Client.GetAsync($"{Routes.JwtKeys}?{query}");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Contain("limit");
    }

    [TestCase("not-a-cursor!")]
    [TestCase("MTIzNDU")]
    public async Task List_WithACursorThisListingDidNotReturn_Returns400NamingAfter(string cursor)
    {
        using var response = await Client.GetAsync($"{Routes.JwtKeys}?after={Uri.EscapeDataString(cursor)}");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Contain("after");
    }

    [Test]
    public async Task Get_OfAnUnknownId_Returns404()
    {
        using var response = await Client.GetAsync(Routes.JwtKey("jwk_doesNotExist00"));

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_Returns200WithTheMessageAndTheKeyIsGoneFromGetAndList()
    {
        var kept = await RegisterKeysAsync(1, secondsApart: 0);
        var deleted = (await RegisterKeysAsync(1, secondsApart: 0))[0];

        using var response = await Client.DeleteAsync(Routes.JwtKey(deleted));

        (await response.ReadJsonAsync(HttpStatusCode.OK)).GetRawText().Should().Be("""{"message":"JWT key deleted successfully."}""");
        using var get = await Client.GetAsync(Routes.JwtKey(deleted));
        await get.ReadErrorAsync(HttpStatusCode.NotFound);
        (await ListJwtKeysAsync()).KeyIds().Should().Equal(kept);
    }

    [Test]
    public async Task Delete_Twice_Returns404TheSecondTime()
    {
        var id = (await RegisterKeysAsync(1, secondsApart: 0))[0];
        using (var first = await Client.DeleteAsync(Routes.JwtKey(id)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var second = await Client.DeleteAsync(Routes.JwtKey(id));

        await second.ReadErrorAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AnyJwtKeyRoute_WithoutAnOrganizationToken_Returns401()
    {
        var id = (await RegisterKeysAsync(1, secondsApart: 0))[0];

        using var list = await Anonymous.GetAsync(Routes.JwtKeys);
        using var get = await Anonymous.GetAsync(Routes.JwtKey(id));
        using var delete = await Anonymous.DeleteAsync(Routes.JwtKey(id));

        await ShouldBeRefusedAsync(list);
        await ShouldBeRefusedAsync(get);
        await ShouldBeRefusedAsync(delete);
        (await ListJwtKeysAsync()).KeyIds().Should().Equal(id);
    }

    /// <summary>Registers <paramref name="count"/> fresh EC keys in order and answers their ids.</summary>
    private async Task<List<string>> RegisterKeysAsync(int count, int secondsApart)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var ec = TestKeys.Ec(256);
            ids.Add((await RegisterJwtKeyAsync(ec.ExportSubjectPublicKeyInfoPem(), name: $"key {i}")).Text("id")!);
            Factory.Clock.Advance(TimeSpan.FromSeconds(secondsApart));
        }

        return ids;
    }

    private async Task<(string? After, List<JsonElement> Entries)> ListPageAsync(string? query)
    {
        using var response = await Client.GetAsync(query is null ? Routes.JwtKeys : $"{Routes.JwtKeys}?{query}");
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.JwtKeyFields);
    }
}
