using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests;

/// <summary>
/// Tenant isolation (docs/api.md, "Organizations"): nothing of one organization is visible to, or changeable by, another; a foreign id answers
/// exactly like a missing one. Organization A is the test's own organization, B a second one.
/// </summary>
public sealed class TenantIsolationTests : ServiceTest
{
    private TestOrganization _b = null!;
    private HttpClient _clientB = null!;
    private List<JsonElement> _aliasesOfA = null!;

    [SetUp]
    public async Task CreateSecondOrganizationAndAliasesOfAAsync()
    {
        _b = await Factory.CreateOrganizationAsync("Other Corp");
        _clientB = Factory.CreateClientFor(_b);
        _aliasesOfA = [];
        for (var i = 0; i < 3; i++)
        {
            _aliasesOfA.Add(await CreateAliasAsync($$"""
                "name":"A-{{i}}","passcode":"pass-{{i}}","jwt_secret":"{{new string((char)('a' + i), 32)}}","stream_key":"stream-a-{{i}}"
                """, type: i % 2 == 0 ? "live" : "conference"));
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Test]
    public async Task List_OfAnotherOrganization_NeverShowsTheseAliases()
    {
        var ownOfB = await CreateAliasAsync(_clientB, "\"name\":\"B-0\"");

        var listedByB = await ListAllAsync(_clientB);
        var liveListedByB = await ListAllAsync(_clientB, "type=live");
        var conferenceListedByB = await ListAllAsync(_clientB, "type=conference");

        Ids(listedByB).Should().Equal(ownOfB.Text("id"));
        liveListedByB.Should().BeEmpty();
        Ids(conferenceListedByB).Should().Equal(ownOfB.Text("id"));
        await AliasesOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task List_WithCursorTakenFromAnotherOrganization_Returns400AndListsNothing()
    {
        await CreateAliasAsync(_clientB);
        var pageOfA = await ListPageAsync(Client, limit: 1);
        pageOfA.After.Should().NotBeNull();

        using var response = await _clientB.GetAsync($"{Routes.List}?after={Uri.EscapeDataString(pageOfA.After!)}&limit=100");

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("after").Should().NotBeEmpty();
        error.ToString().Should().NotContain(Ids(_aliasesOfA).First());
    }

    [Test]
    public async Task Update_OfAnotherOrganizationsAlias_Returns404ExactlyLikeAMissingIdAndChangesNothing()
    {
        var body = $$"""{"name":"hijacked","passcode":null,"jwt_secret":null,"expired_at":{{Factory.Now + 60}}}""";

        using var foreign = await _clientB.PostAsync(Routes.Update(_aliasesOfA[0].Text("id")!), HttpJson.Body(body));
        using var missing = await _clientB.PostAsync(Routes.Update("doesNotExist0000"), HttpJson.Body(body));

        await foreign.ReadErrorAsync(HttpStatusCode.NotFound);
        await ShouldAnswerAlikeAsync(foreign, missing);
        await AliasesOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task Update_OfAnotherOrganizationsAliasWithInvalidBody_RevealsNothingMoreThanForAMissingId()
    {
        // Validation that runs before the lookup must not let B tell an existing foreign id from a missing one.
        var body = """{"expired_at":null}""";

        using var foreign = await _clientB.PostAsync(Routes.Update(_aliasesOfA[0].Text("id")!), HttpJson.Body(body));
        using var missing = await _clientB.PostAsync(Routes.Update("doesNotExist0000"), HttpJson.Body(body));

        await ShouldAnswerAlikeAsync(foreign, missing);
        await AliasesOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task Delete_OfAnotherOrganizationsAlias_Returns404ExactlyLikeAMissingIdAndDeletesNothing()
    {
        using var foreign = await _clientB.DeleteAsync(Routes.Delete(_aliasesOfA[1].Text("id")!));
        using var missing = await _clientB.DeleteAsync(Routes.Delete("doesNotExist0000"));

        await foreign.ReadErrorAsync(HttpStatusCode.NotFound);
        await ShouldAnswerAlikeAsync(foreign, missing);
        await AliasesOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task Changes_ByAnotherOrganizationToItsOwnAliases_LeaveTheseUnchanged()
    {
        var ownOfB = await CreateAliasAsync(_clientB);
        using (var update = await _clientB.PostAsync(Routes.Update(ownOfB.Text("id")!), HttpJson.Body("""{"name":"B renamed","passcode":"9999"}""")))
        {
            await update.ReadJsonAsync(HttpStatusCode.OK);
        }

        using (var delete = await _clientB.DeleteAsync(Routes.Delete(ownOfB.Text("id")!)))
        {
            delete.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await ListAllAsync(_clientB)).Should().BeEmpty();
        await AliasesOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task Create_ByAnotherOrganization_GoesToThatOrganizationOnly()
    {
        var created = await CreateAliasAsync(_clientB, "\"name\":\"B only\"");

        Ids(await ListAllAsync(_clientB)).Should().Equal(created.Text("id"));
        Ids(await ListAllAsync(Client)).Should().NotContain(created.Text("id"));
        await AliasesOfAShouldBeUnchangedAsync();
    }

    [Test]
    public async Task MintToken_ForAnotherOrganizationsAlias_Returns404ExactlyLikeAMissingId()
    {
        using var foreign = await _clientB.PostAsync(Routes.MintToken(_aliasesOfA[0].Text("id")!), HttpJson.Body("""{"user_id":"u1","host":true}"""));
        using var missing = await _clientB.PostAsync(Routes.MintToken("doesNotExist0000"), HttpJson.Body("""{"user_id":"u1","host":true}"""));

        await foreign.ReadErrorAsync(HttpStatusCode.NotFound);
        await ShouldAnswerAlikeAsync(foreign, missing);
    }

    [Test]
    public async Task PublicRetrieval_WithTheOwnersToken_ShowsTheOwnerView()
    {
        using var response = await Client.GetAsync(Routes.Retrieve(_aliasesOfA[0].Text("id")!));

        var alias = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        alias.GetRawText().Should().Be(_aliasesOfA[0].GetRawText());
    }

    [Test]
    public async Task PublicRetrieval_WithAnotherOrganizationsToken_Returns401AndNoSecret()
    {
        var alias = _aliasesOfA[0];

        using var response = await _clientB.GetAsync(Routes.Retrieve(alias.Text("id")!));

        await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(alias.Text("passcode")).And.NotContain(alias.Text("jwt_secret")).And.NotContain(alias.Text("stream_key"));
    }

    private static async Task ShouldAnswerAlikeAsync(HttpResponseMessage foreign, HttpResponseMessage missing)
    {
        foreign.StatusCode.Should().Be(missing.StatusCode);
        foreign.Content.Headers.ContentType?.ToString().Should().Be(missing.Content.Headers.ContentType?.ToString());
        (await foreign.Content.ReadAsStringAsync()).Should().Be(await missing.Content.ReadAsStringAsync());
    }

    private async Task AliasesOfAShouldBeUnchangedAsync()
    {
        var listed = await ListAllAsync(Client);
        listed.Select(a => a.GetRawText()).Should().Equal(Enumerable.Reverse(_aliasesOfA).Select(a => a.GetRawText()));
    }
}
