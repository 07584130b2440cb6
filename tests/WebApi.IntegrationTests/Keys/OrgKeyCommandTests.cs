using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// The command line (docs/api.md, "Command line") and the README rotation runbook on the command line: <c>org key create|list|revoke</c>
/// against the running service's database. Results are checked on stdout and the exit code, and over HTTP.
/// </summary>
// The command line reads its settings from the process environment, which every fixture shares.
[NonParallelizable]
public sealed partial class OrgKeyCommandTests : KeyServiceTest
{
    [Test]
    public async Task KeyCreate_PrintsKeyIdAndSecretWhoseTokenWorksOverHttp()
    {
        var result = await RunAsync("org", "key", "create", "--organization", Organization.Id);

        result.ExitCode.Should().Be(0, result.Stderr);
        var keyId = ApiKeyLine().Match(result.Stdout).Groups[1].Value;
        var secret = ApiSecretLine().Match(result.Stdout).Groups[1].Value;
        keyId.Should().NotBeEmpty("stdout was: {0}", result.Stdout).And.NotBe(Organization.ApiKeyId);
        secret.Should().NotBeEmpty("stdout was: {0}", result.Stdout);
        var token = Factory.OrganizationToken(Organization with { ApiKeyId = keyId, ApiSecret = secret });
        using var response = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, token);
        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.ApiKeyFields).Entries.KeyIds()
            .Should().BeEquivalentTo([Organization.ApiKeyId, keyId]);
    }

    [Test]
    public async Task KeyCreate_WithJson_PrintsOneObjectWithIdAndSecretWhoseTokenWorks()
    {
        var result = await RunAsync("org", "key", "create", "--organization", Organization.Id, "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var created = json.RootElement;
        created.EnumerateObject().Select(p => p.Name).Should().Equal(KeyJson.CreatedApiKeyFields);
        created.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
        using var client = Factory.CreateClientFor(WithApiKey(Organization, created));
        var alias = await CreateAliasAsync(client);
        Ids(await ListAllAsync(Client)).Should().Equal(alias.Text("id"));
    }

    [Test]
    public async Task KeyList_WithJson_ListsBothKeysWithoutSecrets()
    {
        var second = await CreateApiKeyAsync();

        var result = await RunAsync("org", "key", "list", "--organization", Organization.Id, "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var keys = json.RootElement.EnumerateArray().ToList();
        keys.KeyIds().Should().BeEquivalentTo([Organization.ApiKeyId, second.Text("id")]);
        keys.Should().AllSatisfy(k => k.EnumerateObject().Select(p => p.Name).Should().Equal(KeyJson.ApiKeyFields));
        result.Stdout.Should().NotContain("secret").And.NotContain(Organization.ApiSecret).And.NotContain(second.Text("secret"));
    }

    [Test]
    public async Task KeyList_AsText_ShowsEachKeyWithItsStateAndNoSecret()
    {
        var second = await CreateApiKeyAsync();

        var result = await RunAsync("org", "key", "list", "--organization", Organization.Id);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain(Organization.ApiKeyId).And.Contain(second.Text("id")).And.Contain("active");
        result.Stdout.Should().NotContain(Organization.ApiSecret).And.NotContain(second.Text("secret"));
    }

    [Test]
    public async Task KeyRevoke_RevokesTheKeyAndItsTokenGets401OnTheNextRequest()
    {
        var second = await CreateApiKeyAsync();
        var token = Factory.OrganizationToken(WithApiKey(Organization, second));
        using (var before = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, token))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var result = await RunAsync("org", "key", "revoke", "--organization", Organization.Id, "--key", second.Text("id")!, "--json");
        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.ApiKeys, token);

        result.ExitCode.Should().Be(0, result.Stderr);
        using (var json = JsonDocument.Parse(result.Stdout))
        {
            json.RootElement.Text("id").Should().Be(second.Text("id"));
            json.RootElement.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Number);
        }

        await ShouldBeRefusedAsync(after);
        (await ListApiKeysAsync()).Single(k => k.Text("id") == second.Text("id")).GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Test]
    public async Task KeyRevoke_OfTheLastActiveKey_ExitsNonZeroWithTheReasonOnStderrAndTheKeyStillWorks()
    {
        var result = await RunAsync("org", "key", "revoke", "--organization", Organization.Id, "--key", Organization.ApiKeyId);

        result.ExitCode.Should().NotBe(0);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().ContainEquivalentOf("last active API key");
        using var response = await Client.GetAsync(Routes.ApiKeys);
        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.ApiKeyFields).Entries
            .Should().ContainSingle().Which.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task KeyRevoke_OfAnUnknownKey_ExitsNonZeroSayingTheKeyWasNotFound()
    {
        await CreateApiKeyAsync();

        var result = await RunAsync("org", "key", "revoke", "--organization", Organization.Id, "--key", "ak_doesNotExist000");

        result.ExitCode.Should().NotBe(0);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().ContainEquivalentOf("not found");
        (await ListApiKeysAsync()).Should().OnlyContain(k => k.GetProperty("revoked_at").ValueKind == JsonValueKind.Null);
    }

    [TestCase("create")]
    [TestCase("list")]
    [TestCase("revoke")]
    public async Task KeyCommand_ForAnUnknownOrganization_ExitsNonZeroSayingTheOrganizationWasNotFound(string verb)
    {
        string[] args = verb == "revoke"
            ? ["org", "key", verb, "--organization", "org_doesNotExist00", "--key", Organization.ApiKeyId]
            : ["org", "key", verb, "--organization", "org_doesNotExist00"];

        var result = await RunAsync(args);

        result.ExitCode.Should().NotBe(0);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().ContainEquivalentOf("organization").And.ContainEquivalentOf("not found");
        (await ListApiKeysAsync()).Should().ContainSingle().Which.GetProperty("revoked_at").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private Task<CommandLineResult> RunAsync(params string[] args) => CommandLineRunner.RunAsync(Factory.Storage, args);

    [GeneratedRegex(@"^api_key:\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"^api_secret:\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ApiSecretLine();
}
