using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary><c>GET /organization/api/v1/aliases</c>: newest first, keyset pages, <c>type</c>/<c>after</c>/<c>limit</c>.</summary>
public sealed class ListAliasesTests : ServiceTest
{
    [Test]
    public async Task List_WithNoAliases_ReturnsNullCursorAndNoEntries()
    {
        using var response = await Client.GetAsync(Routes.List);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"after":null,"entries":[]}""");
    }

    [Test]
    public async Task List_ReturnsEachAliasAsOwnerViewInDataEnvelopeWithFieldsInContractOrder()
    {
        var created = await CreateAliasAsync($$"""
            "name":"Listed","passcode":"4321","jwt_secret":"{{new string('j', 32)}}","stream_key":"key"
            """);

        using var response = await Client.GetAsync(Routes.List);

        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("after", "entries");
        var entry = root.GetProperty("entries").EnumerateArray().Single();
        entry.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        var alias = entry.GetProperty("data");
        alias.EnumerateObject().Select(p => p.Name).Should().Equal(HttpJson.AliasFields);
        alias.GetRawText().Should().Be(created.GetRawText());
    }

    [Test]
    public async Task List_ReturnsNewestFirst()
    {
        var created = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await CreateAliasAsync()).Text("id")!);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await ListPageAsync(Client);

        Ids(listed.Entries).Should().Equal(Enumerable.Reverse(created));
        listed.After.Should().BeNull();
    }

    [Test]
    public async Task List_IncludesExpiredAliases()
    {
        var alias = await CreateAliasAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        var listed = await ListAllAsync(Client);

        Ids(listed).Should().Equal(alias.Text("id"));
    }

    [Test]
    public async Task List_WithoutLimit_Returns25EntriesAndACursorToTheRest()
    {
        var created = await CreateAliasesAsync(26, secondsApart: 1);

        var first = await ListPageAsync(Client);
        var second = await ListPageAsync(Client, after: first.After);

        Ids(first.Entries).Should().Equal(Enumerable.Reverse(created).Take(25));
        first.After.Should().NotBeNull();
        Ids(second.Entries).Should().Equal(created[0]);
        second.After.Should().BeNull();
    }

    [TestCase(1)]
    [TestCase(100)]
    public async Task List_WithLimitAtItsBounds_ReturnsThatManyEntries(int limit)
    {
        var created = await CreateAliasesAsync(limit + 1, secondsApart: 0);

        var page = await ListPageAsync(Client, limit: limit);

        page.Entries.Should().HaveCount(limit);
        page.After.Should().NotBeNull();
        created.Should().Contain(Ids(page.Entries));
    }

    [Test]
    public async Task List_WhenTheLastPageIsExactlyFull_ReturnsNullCursor()
    {
        await CreateAliasesAsync(4, secondsApart: 1);

        var first = await ListPageAsync(Client, limit: 2);
        var second = await ListPageAsync(Client, after: first.After, limit: 2);

        first.After.Should().NotBeNull();
        second.Entries.Should().HaveCount(2);
        second.After.Should().BeNull();
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("-1")]
    [TestCase("abc")]
    [TestCase("1.5")]
    [TestCase("1e1")]
    [TestCase("99999999999")]
    public async Task List_WithLimitOutsideOneTo100OrNotAnInteger_Returns400NamingLimit(string limit)
    {
        using var response = await Client.GetAsync($"{Routes.List}?limit={Uri.EscapeDataString(limit)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("limit");
    }

    [TestCase("not a cursor")]
    [TestCase("!!!")]
    [TestCase("bm9wZQ")] // "nope": no position in it
    [TestCase("OmFiYw")] // ":abc": no time
    [TestCase("YWJjOmRlZg")] // "abc:def": time is not a number
    [TestCase("MTIzOg")] // "123:": no id
    public async Task List_WithCursorThisServiceDidNotIssue_Returns400NamingAfter(string after)
    {
        await CreateAliasAsync();

        using var response = await Client.GetAsync($"{Routes.List}?after={Uri.EscapeDataString(after)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("after");
    }

    [Test]
    public async Task List_WithOverlongCursor_Returns400NamingAfter()
    {
        var overlong = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("1:" + new string('a', 4000)));

        using var response = await Client.GetAsync($"{Routes.List}?after={overlong}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("after");
    }

    [TestCase("live")]
    [TestCase("conference")]
    public async Task List_WithTypeFilter_ReturnsOnlyAliasesOfThatType(string type)
    {
        var live = new List<string>();
        var conference = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            live.Add((await CreateAliasAsync(type: "live")).Text("id")!);
            conference.Add((await CreateAliasAsync(type: "conference")).Text("id")!);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await ListAllAsync(Client, $"type={type}");

        Ids(listed).Should().BeEquivalentTo(type == "live" ? live : conference);
        listed.Should().OnlyContain(a => a.Text("type") == type);
    }

    [Test]
    public async Task List_WithTypeFilter_PagesThroughThatTypeOnly()
    {
        var live = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            live.Add((await CreateAliasAsync(type: "live")).Text("id")!);
            await CreateAliasAsync(type: "conference");
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await ListPageAsync(Client, "type=live", after, limit: 2);
            page.Entries.Should().OnlyContain(a => a.Text("type") == "live");
            seen.AddRange(Ids(page.Entries));
            after = page.After;
        }
        while (after is not null);

        seen.Should().Equal(Enumerable.Reverse(live));
    }

    [TestCase("Live")]
    [TestCase("webinar")]
    [TestCase("live,conference")]
    public async Task List_WithUnknownType_Returns400NamingType(string type)
    {
        using var response = await Client.GetAsync($"{Routes.List}?type={Uri.EscapeDataString(type)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("type");
    }

    [Test]
    public async Task List_PagingThroughThreePagesWhileNewerAliasesAreInserted_ReturnsEveryEarlierAliasOnceInOrder()
    {
        var existing = await CreateAliasesAsync(7, secondsApart: 1);

        var first = await ListPageAsync(Client, limit: 3);
        var insertedLater = await CreateAliasesAsync(2, secondsApart: 1);
        var second = await ListPageAsync(Client, after: first.After, limit: 3);
        insertedLater.AddRange(await CreateAliasesAsync(2, secondsApart: 1));
        var third = await ListPageAsync(Client, after: second.After, limit: 3);

        first.After.Should().NotBeNull();
        second.After.Should().NotBeNull();
        third.After.Should().BeNull();
        var seen = Ids(first.Entries.Concat(second.Entries).Concat(third.Entries)).ToList();
        seen.Should().Equal(Enumerable.Reverse(existing), "every alias that existed before paging began appears once, newest first");
        seen.Should().NotIntersectWith(insertedLater);
    }

    [Test]
    public async Task List_PagingThroughAliasesCreatedInTheSameSecondWhileMoreAreInserted_HasNoDuplicatesOrGaps()
    {
        // Same inserted_at for all: the cursor has to break ties by id.
        var existing = await CreateAliasesAsync(9, secondsApart: 0);

        var pages = new List<(string? After, List<JsonElement> Entries)> { await ListPageAsync(Client, limit: 3) };
        var insertedLater = new List<string>();
        while (pages[^1].After is { } after)
        {
            insertedLater.AddRange(await CreateAliasesAsync(2, secondsApart: 0));
            pages.Add(await ListPageAsync(Client, after: after, limit: 3));
        }

        pages.Count.Should().BeGreaterThanOrEqualTo(3);
        var seen = Ids(pages.SelectMany(p => p.Entries)).ToList();
        seen.Should().OnlyHaveUniqueItems();
        seen.Should().Contain(existing, "every alias that existed before paging began is listed");
        seen.Except(existing).Should().BeSubsetOf(insertedLater);
    }

    [Test]
    public async Task List_AfterTheCursorsAliasIsDeleted_ContinuesWithTheNextOlderAlias()
    {
        var existing = await CreateAliasesAsync(6, secondsApart: 1);
        var first = await ListPageAsync(Client, limit: 3);
        using (var deleted = await Client.DeleteAsync(Routes.Delete(first.Entries[^1].Text("id")!)))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var second = await ListPageAsync(Client, after: first.After, limit: 3);

        Ids(second.Entries).Should().Equal(Enumerable.Reverse(existing).Skip(3));
        second.After.Should().BeNull();
    }

    private async Task<List<string>> CreateAliasesAsync(int count, int secondsApart)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(secondsApart));
            ids.Add((await CreateAliasAsync()).Text("id")!);
        }

        return ids;
    }
}
