using System.Net;
using System.Text.Json;
using AliasService.Domain.AccessEvents;
using AliasService.Infrastructure.AccessEvents;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.AccessEvents;

/// <summary>
/// <c>GET /organization/api/v1/alias/{id}/events</c> (docs/api.md, "Access events"): every public retrieval decision
/// and every management change of an alias, newest first, keyset paged, filterable by outcome, never a secret.
/// </summary>
public sealed class AccessEventTests : AliasAccessTest
{
    private const string Passcode = "right-passcode-4821";
    private const string ClientAddress = "203.0.113.7";

    protected override AliasServiceFactory CreateFactory() =>
        new(services => services.AddSingleton<IStartupFilter>(new PeerAddressStartupFilter(IPAddress.Parse(ClientAddress))));

    /// <summary>Each test starts in a fresh failed-attempt window, so refusals of earlier tests never turn into 429s.</summary>
    [SetUp]
    public void NextWindow() => Factory.Clock.Advance(TimeSpan.FromMinutes(2));

    [Test]
    public async Task Retrievals_AreListedNewestFirst_WithOutcomeReasonCredentialUserAndAddress()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);
        (await RetrieveAsync(alias.Id, passcode: Passcode)).Dispose();
        (await RetrieveAsync(alias.Id, passcode: "wrong-passcode-0000")).Dispose();
        (await RetrieveAsync(alias.Id, AliasToken(alias).Encode())).Dispose();
        (await RetrieveAsync(alias.Id, AliasToken(alias.Id, NewSecret()).Encode())).Dispose();
        (await RetrieveAsync(alias.Id)).Dispose();
        (await Client.GetAsync(Routes.Retrieve(alias.Id))).Dispose();

        var (_, events) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id);

        var retrievals = events.Where(e => e.Text("kind") == "retrieval").ToList();
        retrievals.Select(e => (e.Text("outcome"), e.Text("reason"), e.Text("credential"), e.Text("user_id"))).Should().Equal(
            ("granted", "owner", "organization_token", null),
            ("refused", "credentials_required", "none", null),
            ("refused", "bad_signature", "alias_token", null),
            ("granted", "public", "alias_token", "user-1"),
            ("refused", "invalid_passcode", "passcode", null),
            ("granted", "public", "passcode", null));
        retrievals.Should().OnlyContain(e => e.Text("client_address") == ClientAddress && e.Number("occurred_at") == Factory.Now);
        retrievals.Should().OnlyContain(e => e.GetProperty("api_key_id").ValueKind == JsonValueKind.Null);
        events.Select(e => e.Number("id")).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task ExpiredAlias_IsListedAsExpired_WithTheValidTokensUser()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), expiredAt: Factory.Now + 60);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var token = AliasToken(alias).Encode();

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeGoneAsync(response, alias);
        var (_, _, events) = await AccessEventReader.PageAsync(Factory.Services, Client, alias.Id, "outcome=expired");
        events.Should().ContainSingle();
        (events[0].Text("reason"), events[0].Text("credential"), events[0].Text("user_id")).Should().Be((null, "alias_token", "user-1"));
    }

    [Test]
    public async Task ManagementChanges_AreListed_WithTheApiKeyAndTheChangedFieldNames()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);
        (await Client.PostAsync(Routes.Update(alias.Id), HttpJson.Body("""{"name":"Renamed","passcode":"another-passcode-1357"}"""))).Dispose();
        (await Client.PostAsync(Routes.Rotate(alias.Id, "jwt_secret"), HttpJson.Body("{}"))).Dispose();
        (await Client.PostAsync(Routes.Rotate(alias.Id, "stream_key"), null)).Dispose();
        (await Client.PostAsync(Routes.RevokeTokens(alias.Id), HttpJson.Body("""{"user_id":"user-9"}"""))).Dispose();
        (await Client.PostAsync(Routes.MintToken(alias.Id), HttpJson.Body("""{"user_id":"user-3","host":true}"""))).Dispose();

        var (_, events) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id);

        events.Should().OnlyContain(e => e.Text("kind") == "management");
        events.Select(e => (e.Text("outcome"), string.Join(",", e.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString())), e.Text("user_id"))).Should().Equal(
            ("token_minted", "host", "user-3"),
            ("tokens_revoked", string.Empty, "user-9"),
            ("stream_key_rotated", "stream_key", null),
            ("jwt_secret_rotated", "jwt_secret", null),
            ("updated", "name,passcode", null),
            ("created", "type,name,passcode,jwt_secret,stream_key,expired_at", null));
        events.Should().OnlyContain(e => e.Text("api_key_id") == Organization.ApiKeyId && e.Text("client_address") == ClientAddress);
        events.Should().OnlyContain(e => e.GetProperty("credential").ValueKind == JsonValueKind.Null);
    }

    [Test]
    public async Task RefusedManagementCommand_IsNotRecorded()
    {
        var alias = await CreateTestAliasAsync();

        using var refused = await Client.PostAsync(Routes.Update(alias.Id), HttpJson.Body("""{"expired_at":1}"""));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var (_, events) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id);
        events.Select(e => e.Text("outcome")).Should().Equal("created");
    }

    [Test]
    public async Task Delete_IsStoredWithTheApiKey_AndTheEventsAreNoLongerListed()
    {
        var alias = await CreateTestAliasAsync();

        (await Client.DeleteAsync(Routes.Delete(alias.Id))).EnsureSuccessStatusCode().Dispose();
        await AccessEventReader.FlushAsync(Factory.Services);

        var stored = await Factory.Storage.ScalarAsync(
            "SELECT COUNT(*) FROM access_events WHERE \"AliasId\" = @alias AND \"Outcome\" = 'deleted' AND \"ApiKeyId\" = @key",
            ("alias", alias.Id), ("key", Organization.ApiKeyId));
        Convert.ToInt64(stored, System.Globalization.CultureInfo.InvariantCulture).Should().Be(1);
        using var listed = await Client.GetAsync(Routes.Events(alias.Id));
        await ShouldBeNotFoundAsync(listed);
    }

    [Test]
    public async Task Events_NeverHoldAPasscodeTokenOrSecret()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode, streamKey: "live_sk_never_listed");
        var token = AliasToken(alias).Encode();
        var forged = AliasToken(alias.Id, NewSecret()).Encode();
        (await RetrieveAsync(alias.Id, token)).Dispose();
        (await RetrieveAsync(alias.Id, forged)).Dispose();
        (await RetrieveAsync(alias.Id, passcode: Passcode)).Dispose();
        (await RetrieveAsync(alias.Id, passcode: "wrong-passcode-0000")).Dispose();
        using var rotatedSecret = await Client.PostAsync(Routes.Rotate(alias.Id, "jwt_secret"), HttpJson.Body("{}"));
        using var rotatedKey = await Client.PostAsync(Routes.Rotate(alias.Id, "stream_key"), null);
        using var minted = await Client.PostAsync(Routes.MintToken(alias.Id), HttpJson.Body("""{"user_id":"user-3"}"""));
        using var updated = await Client.PostAsync(Routes.Update(alias.Id), HttpJson.Body("""{"passcode":"updated-passcode-2468"}"""));
        var secrets = new List<string>
        {
            Passcode, "wrong-passcode-0000", "updated-passcode-2468", alias.Secret, "live_sk_never_listed", token, forged,
            Organization.ApiSecret, Factory.OrganizationToken(Organization),
            (await rotatedSecret.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("data").Text("jwt_secret")!,
            (await rotatedKey.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("data").Text("stream_key")!,
            (await minted.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data").Text("token")!,
        };
        secrets.AddRange(new[] { token, forged }.SelectMany(t => t.Split('.')));

        var (bodies, events) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id);

        events.Should().HaveCount(9);
        foreach (var secret in secrets)
        {
            bodies.Should().NotContain(secret);
        }
    }

    [Test]
    public async Task ABatchLargerThanOneInsert_IsStoredWhole_InTheOrderTheDecisionsWereMade()
    {
        // 150 decisions stored in one flush (one batch, one transaction), each row
        // with its own user_id, so a row written with another row's values or out of order would show.
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        const int Decisions = 150;
        for (var i = 0; i < Decisions; i++)
        {
            var token = AliasToken(alias).WithClaim("user_id", $"user-{i:D3}").SignedHs256(alias.Secret).Encode();
            using var response = await RetrieveAsync(alias.Id, token: token);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var (_, events) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id, "outcome=granted");

        events.Select(e => e.Text("user_id")).Should().Equal(Enumerable.Range(0, Decisions).Reverse().Select(i => $"user-{i:D3}"));
        events.Should().OnlyContain(e => e.Text("credential") == CredentialKinds.AliasToken && e.Text("reason") == "public");
        events.Select(e => e.Number("id")).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Paging_FollowsTheCursor_WithoutGapsOrDuplicates()
    {
        var alias = await CreateTestAliasAsync();
        for (var i = 0; i < 6; i++)
        {
            (await RetrieveAsync(alias.Id)).Dispose();
        }

        var (_, everything) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id);
        var paged = new List<JsonElement>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await AccessEventReader.PageAsync(Factory.Services, Client, alias.Id, "limit=2" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)));
            page.Events.Count.Should().BeLessThanOrEqualTo(2);
            paged.AddRange(page.Events);
            after = page.After;
            pages++;
        }
        while (after is not null);

        everything.Should().HaveCount(7);
        pages.Should().Be(4);
        paged.Select(e => e.Number("id")).Should().Equal(everything.Select(e => e.Number("id")));
    }

    [Test]
    public async Task OutcomeFilter_ListsOnlyThatOutcome()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);
        (await RetrieveAsync(alias.Id, passcode: Passcode)).Dispose();
        (await RetrieveAsync(alias.Id, passcode: "wrong-passcode-0000")).Dispose();
        (await RetrieveAsync(alias.Id)).Dispose();

        var (_, refused) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id, "outcome=refused");

        refused.Select(e => e.Text("reason")).Should().Equal("credentials_required", "invalid_passcode");
    }

    [TestCase("outcome=bogus", "outcome")]
    [TestCase("outcome=GRANTED", "outcome")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("after=not-a-cursor", "after")]
    public async Task BadQuery_Answers400NamingTheField(string query, string field)
    {
        var alias = await CreateTestAliasAsync();

        using var response = await Client.GetAsync(Routes.Events(alias.Id, query));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Contain(field);
    }

    [Test]
    public async Task CursorOfAnotherAlias_Answers400()
    {
        var first = await CreateTestAliasAsync();
        var second = await CreateTestAliasAsync();
        (await RetrieveAsync(first.Id)).Dispose();
        var page = await AccessEventReader.PageAsync(Factory.Services, Client, first.Id, "limit=1");

        using var response = await Client.GetAsync(Routes.Events(second.Id, "after=" + Uri.EscapeDataString(page.After!)));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Contain("after");
    }

    [Test]
    public async Task AnotherOrganizationsAlias_Answers404LikeAMissingOne()
    {
        var alias = await CreateTestAliasAsync();
        var other = await Factory.CreateOrganizationAsync("Other");
        using var otherClient = Factory.CreateClientFor(other);

        using var foreign = await otherClient.GetAsync(Routes.Events(alias.Id));
        using var missing = await Client.GetAsync(Routes.Events("AAAAAAAAAAAAAAAAAAAAAA"));

        await ShouldBeNotFoundAsync(foreign);
        await ShouldBeNotFoundAsync(missing);
    }

    [Test]
    public async Task WithoutToken_Answers401()
    {
        var alias = await CreateTestAliasAsync();

        using var response = await Anonymous.GetAsync(Routes.Events(alias.Id));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Pruning_DeletesEventsPastRetention_AndKeepsNewerOnes()
    {
        var alias = await CreateTestAliasAsync(expiredAt: Factory.Now + (40 * 86_400));
        (await RetrieveAsync(alias.Id)).Dispose();
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        (await RetrieveAsync(alias.Id)).Dispose();
        var recent = Factory.Now;
        await AccessEventReader.FlushAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromDays(29));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccessEventStore>().PruneAsync(CancellationToken.None);
        }

        var (_, events) = await AccessEventReader.AllAsync(Factory.Services, Client, alias.Id);
        events.Select(e => e.Number("occurred_at")).Should().Equal(recent);
    }
}
