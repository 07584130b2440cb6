using System.Net;
using System.Security.Cryptography;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Queries;

/// <summary>
/// Query parameters mean one thing: each at most once (a repeat is a 400 naming it, never "the first one wins"),
/// <c>limit</c> in decimal digits only, and <c>after</c> only as the cursor this listing issued to this organization.
/// </summary>
public sealed class StrictQueryParameterTests : KeyServiceTest
{
    [TestCase("0x10")]
    [TestCase("+5")]
    [TestCase(" 5")]
    [TestCase("5 ")]
    [TestCase("5.0")]
    [TestCase("1e1")]
    [TestCase("-5")]
    [TestCase("٥")] // an Arabic-Indic digit five
    [TestCase("")]
    public async Task ListAliases_WithLimitNotInDecimalDigits_Returns400NamingLimit(string limit)
    {
        using var response = await Client.GetAsync($"{Routes.List}?limit={Uri.EscapeDataString(limit)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("limit").Should().ContainSingle().Which.Should().Contain("integer");
    }

    [TestCase("0x10")]
    [TestCase("+5")]
    public async Task ListJwtKeys_WithLimitNotInDecimalDigits_Returns400NamingLimit(string limit)
    {
        using var response = await Client.GetAsync($"{Routes.JwtKeys}?limit={Uri.EscapeDataString(limit)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("limit");
    }

    [Test]
    public async Task ListAliases_WithLimitInDecimalDigits_Answers()
    {
        await CreateAliasAsync();

        using var response = await Client.GetAsync($"{Routes.List}?limit=05");

        (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength().Should().Be(1);
    }

    [TestCase("limit=5&limit=6", "limit")]
    [TestCase("type=live&type=conference", "type")]
    [TestCase("type=live&type=live", "type")]
    [TestCase("after=a&after=b", "after")]
    public async Task ListAliases_WithRepeatedParameter_Returns400NamingIt(string query, string parameter)
    {
        using var response = await Client.GetAsync($"{Routes.List}?{query}");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor(parameter).Should().Equal("must be given at most once");
        error.DetailFields().Should().Equal(parameter);
    }

    [TestCase("limit=5&limit=6", "limit")]
    [TestCase("after=a&after=b", "after")]
    public async Task ListJwtKeys_WithRepeatedParameter_Returns400NamingIt(string query, string parameter)
    {
        using var response = await Client.GetAsync($"{Routes.JwtKeys}?{query}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor(parameter).Should().Equal("must be given at most once");
    }

    [TestCase("passcode=4321&passcode=0000")]
    [TestCase("passcode=0000&passcode=4321")]
    [TestCase("passcode=4321&passcode=4321")]
    public async Task RetrieveAlias_WithRepeatedPasscode_Returns400NamingPasscodeInEitherOrder(string query)
    {
        var alias = await CreateAliasAsync("\"passcode\":\"4321\"");

        using var response = await Anonymous.GetAsync($"{Routes.Retrieve(alias.Text("id")!)}?{query}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("passcode").Should().Equal("must be given at most once");
    }

    [Test]
    public async Task ListAliases_WithItsOwnCursor_ReturnsTheNextPage()
    {
        var older = await CreateAliasAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await CreateAliasAsync();
        var first = await ListPageAsync(Client, limit: 1);

        var second = await ListPageAsync(Client, after: first.After, limit: 1);

        Ids(second.Entries).Should().Equal(older.Text("id"));
    }

    [Test]
    public async Task ListAliases_WithEditedCursor_Returns400NamingAfter()
    {
        var cursor = await AliasCursorAsync(Client);
        var edited = cursor[..^1] + (cursor[^1] == 'A' ? 'B' : 'A');

        using var response = await Client.GetAsync($"{Routes.List}?after={Uri.EscapeDataString(edited)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("after");
    }

    [Test]
    public async Task ListAliases_WithAnotherOrganizationsCursor_Returns400NamingAfter()
    {
        var other = Factory.CreateClientFor(await Factory.CreateOrganizationAsync("Other"));
        var foreign = await AliasCursorAsync(other);

        using var response = await Client.GetAsync($"{Routes.List}?after={Uri.EscapeDataString(foreign)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("after");
    }

    [Test]
    public async Task ListJwtKeys_WithAnAliasListCursor_Returns400NamingAfter()
    {
        var aliasCursor = await AliasCursorAsync(Client);

        using var response = await Client.GetAsync($"{Routes.JwtKeys}?after={Uri.EscapeDataString(aliasCursor)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("after");
    }

    [Test]
    public async Task ListAliases_WithAJwtKeyListCursor_Returns400NamingAfter()
    {
        using var rsa = RSA.Create(2048);
        await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), "first");
        await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem(), "second");
        using var page = await Client.GetAsync($"{Routes.JwtKeys}?limit=1");
        var keyCursor = (await page.ReadJsonAsync(HttpStatusCode.OK)).Text("after")!;

        using var response = await Client.GetAsync($"{Routes.List}?after={Uri.EscapeDataString(keyCursor)}");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("after");
    }

    /// <summary>A cursor of <paramref name="client"/>'s alias listing (two aliases, pages of one).</summary>
    private async Task<string> AliasCursorAsync(HttpClient client)
    {
        await CreateAliasAsync(client);
        await CreateAliasAsync(client);
        var page = await ListPageAsync(client, limit: 1);
        page.After.Should().NotBeNull();
        return page.After!;
    }
}
