using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Persistence;

/// <summary>
/// Stored secrets are bound to their table, column and row. Someone with write access to the database but not to
/// the key ring can copy a ciphertext elsewhere (done here with plain SQL on the real database); it then does
/// not decrypt, is logged as possible tampering without the value, and works as an unusable value: nothing is
/// revealed, nothing authenticates, a protected alias stays protected. Databases written before the binding are
/// upgraded in place at start-up, after which only bound values are read.
/// </summary>
public sealed class CiphertextBindingTests
{
    private const string LegacyPurpose = "AliasService.Persistence.Secrets.v1";
    private const string AliasSecret = "binding-test-alias-secret-0123456789";

    private TestStorage _storage = null!;

    [SetUp]
    public void CreateStorage() => _storage = TestStorage.Create();

    [TearDown]
    public async Task DeleteStorageAsync() => await _storage.DisposeAsync();

    [Test]
    public async Task AnotherOrganizationsApiSecret_CopiedIntoAnAliasJwtSecret_IsNeitherShownNorAccepted()
    {
        var logs = new LogCapture();
        await using var service = Start(logs);
        var attacker = await service.CreateOrganizationAsync("Attacker");
        var victim = await service.CreateOrganizationAsync("Victim");
        using var owner = service.CreateClientFor(attacker);
        var alias = await CreateAliasAsync(service, owner, "\"jwt_secret\":\"" + AliasSecret + "\"");

        await ExecuteAsync("""UPDATE "aliases" SET "JwtSecret" = (SELECT "Secret" FROM "api_keys" WHERE "Id" = @key) WHERE "Id" = @alias""", ("@key", victim.ApiKeyId), ("@alias", alias));

        var listed = (await ListAsync(owner)).Single();
        listed.GetProperty("jwt_secret").GetString().Should().NotBe(victim.ApiSecret).And.StartWith("unreadable:");
        using var anonymous = service.CreateAnonymousClient();
        using (var forged = await RetrieveAsync(anonymous, alias, bearer: HostToken(service, alias, victim.ApiSecret)))
        {
            (await forged.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("bad_signature");
        }

        ShouldHaveLoggedTampering(logs, "aliases.JwtSecret", alias, victim.ApiSecret, AliasSecret, (await RawColumnAsync("aliases", "JwtSecret", alias))!);
    }

    [Test]
    public async Task AnApiSecret_CopiedIntoAnotherOrganizationsKey_AuthenticatesNobody()
    {
        var logs = new LogCapture();
        await using var service = Start(logs);
        var attacker = await service.CreateOrganizationAsync("Attacker");
        var victim = await service.CreateOrganizationAsync("Victim");

        await ExecuteAsync("""UPDATE "api_keys" SET "Secret" = (SELECT "Secret" FROM "api_keys" WHERE "Id" = @from) WHERE "Id" = @to""", ("@from", attacker.ApiKeyId), ("@to", victim.ApiKeyId));

        foreach (var secret in new[] { attacker.ApiSecret, victim.ApiSecret })
        {
            using var client = service.CreateClientFor(victim with { ApiSecret = secret });
            using var response = await client.GetAsync(Routes.List);
            await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        }

        ShouldHaveLoggedTampering(logs, "api_keys.Secret", victim.ApiKeyId, attacker.ApiSecret, victim.ApiSecret, (await RawColumnAsync("api_keys", "Secret", victim.ApiKeyId))!);
    }

    [Test]
    public async Task APasscode_CopiedFromAnotherAlias_OpensNeither_AndTheAliasStaysProtected()
    {
        await using var service = Start(new LogCapture());
        using var owner = service.CreateClientFor(await service.CreateOrganizationAsync());
        var source = await CreateAliasAsync(service, owner, "\"passcode\":\"1111-source\"");
        var target = await CreateAliasAsync(service, owner, "\"passcode\":\"2222-target\"");

        await ExecuteAsync("""UPDATE "aliases" SET "Passcode" = (SELECT "Passcode" FROM "aliases" WHERE "Id" = @from) WHERE "Id" = @to""", ("@from", source), ("@to", target));

        using var anonymous = service.CreateAnonymousClient();
        foreach (var passcode in new[] { "1111-source", "2222-target" })
        {
            using var response = await RetrieveAsync(anonymous, target, passcode: passcode);
            (await response.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("invalid_passcode");
        }

        using var withoutCredential = await RetrieveAsync(anonymous, target);
        (await withoutCredential.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("credentials_required");
        using var sourceStillWorks = await RetrieveAsync(anonymous, source, passcode: "1111-source");
        await sourceStillWorks.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task LegacyValues_AreReProtectedInPlaceAtStart_AndKeepWorking()
    {
        TestOrganization organization;
        string alias;
        await using (var before = Start(new LogCapture()))
        {
            organization = await before.CreateOrganizationAsync();
            using var owner = before.CreateClientFor(organization);
            alias = await CreateAliasAsync(before, owner, "\"passcode\":\"legacy-4711\"");
            await WriteLegacyValuesAsync(before, alias, passcode: "legacy-4711", jwtSecret: AliasSecret, streamKey: "live_legacy");
            await WriteLegacyValueAsync(before, organization);
        }

        (await RawColumnAsync("aliases", "Passcode", alias)).Should().NotStartWith("v2.", "the values are in the legacy format before the restart");

        var logs = new LogCapture();
        await using var after = Start(logs);
        after.Start();

        foreach (var (table, column, id) in new[] { ("aliases", "Passcode", alias), ("aliases", "JwtSecret", alias), ("aliases", "StreamKey", alias), ("api_keys", "Secret", organization.ApiKeyId) })
        {
            (await RawColumnAsync(table, column, id)).Should().StartWith("v2.", "{0}.{1} is bound after the start", table, column);
        }

        using var owner2 = after.CreateClientFor(organization);
        var listed = (await ListAsync(owner2)).Single();
        listed.GetProperty("passcode").GetString().Should().Be("legacy-4711");
        listed.GetProperty("jwt_secret").GetString().Should().Be(AliasSecret);
        listed.GetProperty("stream_key").GetString().Should().Be("live_legacy");
        using var anonymous = after.CreateAnonymousClient();
        using var byToken = await RetrieveAsync(anonymous, alias, bearer: HostToken(after, alias, AliasSecret));
        (await byToken.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("stream_key").Should().Be("live_legacy");
        logs.Entries.Should().Contain(e => e.Message.Contains("Re-protected 4 stored secret(s)", StringComparison.Ordinal));
    }

    [Test]
    public async Task AfterTheUpgrade_ALegacyValueWrittenIntoARow_IsNotAccepted()
    {
        var logs = new LogCapture();
        await using var service = Start(logs);
        var organization = await service.CreateOrganizationAsync();
        using var owner = service.CreateClientFor(organization);
        var alias = await CreateAliasAsync(service, owner, "\"passcode\":\"bound-4711\"");

        var legacy = LegacyProtector(service).Protect("legacy-0000");
        await ExecuteAsync("""UPDATE "aliases" SET "Passcode" = @value WHERE "Id" = @id""", ("@value", legacy), ("@id", alias));

        using var anonymous = service.CreateAnonymousClient();
        using var response = await RetrieveAsync(anonymous, alias, passcode: "legacy-0000");
        (await response.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("invalid_passcode");
        ShouldHaveLoggedTampering(logs, "aliases.Passcode", alias, "legacy-0000", "bound-4711", legacy);
    }

    [Test]
    public async Task TwoInstancesStartingTogether_UpgradeEveryLegacyValueOnce_AndBothReadThem()
    {
        TestOrganization organization;
        var aliases = new List<string>();
        await using (var before = Start(new LogCapture()))
        {
            organization = await before.CreateOrganizationAsync();
            using var owner = before.CreateClientFor(organization);
            for (var i = 0; i < 40; i++)
            {
                var alias = await CreateAliasAsync(before, owner, $"\"passcode\":\"legacy-{i:D4}\"");
                await WriteLegacyValuesAsync(before, alias, passcode: $"legacy-{i:D4}", jwtSecret: AliasSecret, streamKey: $"live-{i}");
                aliases.Add(alias);
            }

            await WriteLegacyValueAsync(before, organization);
        }

        await using var secondStorage = _storage.SharingTheDatabase();
        await using var first = Start(new LogCapture());
        await using var second = new ConfiguredService(new Dictionary<string, string>(), new LogCapture(), storage: secondStorage);
        await Task.WhenAll(Task.Run(first.Start), Task.Run(second.Start));

        Convert.ToInt64(await _storage.ScalarAsync("""SELECT COUNT(*) FROM "aliases" WHERE "Passcode" NOT LIKE 'v2.%' OR "JwtSecret" NOT LIKE 'v2.%' OR "StreamKey" NOT LIKE 'v2.%'"""), System.Globalization.CultureInfo.InvariantCulture).Should().Be(0);
        foreach (var service in new[] { first, second })
        {
            using var owner = service.CreateClientFor(organization);
            var listed = await ListAsync(owner);
            listed.Select(a => (a.Text("id"), a.Text("passcode")))
                .Should().BeEquivalentTo(aliases.Select((id, i) => ((string?)id, (string?)$"legacy-{i:D4}")));
        }
    }

    private ConfiguredService Start(LogCapture logs) => new(new Dictionary<string, string>(), logs, storage: _storage);

    private static async Task<string> CreateAliasAsync(ConfiguredService service, HttpClient owner, string members)
    {
        using var response = await owner.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"conference",{{members}},"expired_at":{{service.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient owner)
    {
        using var response = await owner.GetAsync(Routes.List + "?limit=100");
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("data").Clone()).ToList();
    }

    private static async Task<HttpResponseMessage> RetrieveAsync(HttpClient client, string alias, string? passcode = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias) + (passcode is null ? string.Empty : "?passcode=" + Uri.EscapeDataString(passcode)));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    private static string HostToken(ConfiguredService service, string alias, string secret) =>
        new TestJwt().WithHeader("alg", "HS256").WithHeader("typ", "JWT")
            .WithClaim("alias", alias).WithClaim("host", true).WithClaim("exp", service.Now + 600).SignedHs256(secret).Encode();

    /// <summary>The protector every secret was written with before the binding: one purpose for all.</summary>
    private static IDataProtector LegacyProtector(ConfiguredService service) =>
        service.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(LegacyPurpose);

    private async Task WriteLegacyValuesAsync(ConfiguredService service, string alias, string passcode, string jwtSecret, string streamKey)
    {
        var legacy = LegacyProtector(service);
        await ExecuteAsync(
            """UPDATE "aliases" SET "Passcode" = @passcode, "JwtSecret" = @jwt, "StreamKey" = @stream WHERE "Id" = @id""",
            ("@passcode", legacy.Protect(passcode)), ("@jwt", legacy.Protect(jwtSecret)), ("@stream", legacy.Protect(streamKey)), ("@id", alias));
    }

    private Task WriteLegacyValueAsync(ConfiguredService service, TestOrganization organization) =>
        ExecuteAsync("""UPDATE "api_keys" SET "Secret" = @secret WHERE "Id" = @id""", ("@secret", LegacyProtector(service).Protect(organization.ApiSecret)), ("@id", organization.ApiKeyId));

    private static void ShouldHaveLoggedTampering(LogCapture logs, string column, string rowId, params string[] neverLogged)
    {
        logs.Entries.Should().Contain(e => e.EventId.Name == "StoredSecretUnreadable" && e.StateValue("Column") == column && e.StateValue("RowId") == rowId);
        // ASP.NET Core's own request logs (off at the shipped levels) would show the query string; the service's never.
        var serviceLogs = logs.Entries.Where(e => !e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).SelectMany(e => e.AllTexts()).ToList();
        foreach (var secret in neverLogged)
        {
            serviceLogs.Should().NotContain(t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<string?> RawColumnAsync(string table, string column, string id) =>
        (string?)await _storage.ScalarAsync($"""SELECT "{column}" FROM "{table}" WHERE "Id" = @id""", ("@id", id));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters) =>
        (await _storage.ExecuteAsync(sql, parameters)).Should().BeGreaterThan(0, sql);
}
