using System.Net;
using System.Net.Http.Headers;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// <c>token org</c> and <c>token alias</c> take their secret without putting it on the command line (where the
/// process list and the shell history show it): from <c>ALIASSERVICE_API_SECRET</c> / <c>ALIASSERVICE_ALIAS_SECRET</c>,
/// or from standard input with <c>--api-secret -</c> / <c>--secret -</c>. The tokens they print work over HTTP.
/// </summary>
// The command line reads the process environment, which every fixture shares.
[NonParallelizable]
public sealed class TokenCommandSecretTests : KeyServiceTest
{
    private const string AliasSecret = "cli-alias-secret-0123456789abcdef-xyz";

    [Test]
    public async Task TokenOrg_WithTheSecretInTheEnvironment_PrintsAWorkingToken()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, Env("ALIASSERVICE_API_SECRET", Organization.ApiSecret), null,
            "token", "org", "--api-key", Organization.ApiKeyId);

        await ShouldBeWorkingOrganizationTokenAsync(result);
    }

    [TestCase("{0}\n")]
    [TestCase("{0}\r\n")]
    [TestCase("{0}")]
    public async Task TokenOrg_WithTheSecretOnStandardInput_PrintsAWorkingToken(string input)
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, new Dictionary<string, string>(), string.Format(System.Globalization.CultureInfo.InvariantCulture, input, Organization.ApiSecret),
            "token", "org", "--api-key", Organization.ApiKeyId, "--api-secret", "-");

        await ShouldBeWorkingOrganizationTokenAsync(result);
    }

    [Test]
    public async Task TokenOrg_OnStandardInput_TakesPrecedenceOverTheEnvironment()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, Env("ALIASSERVICE_API_SECRET", "sk_not-the-secret"), Organization.ApiSecret + "\n",
            "token", "org", "--api-key", Organization.ApiKeyId, "--api-secret", "-");

        await ShouldBeWorkingOrganizationTokenAsync(result);
    }

    [Test]
    public async Task TokenOrg_WithoutAnySecret_Exits2NamingTheWays()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, Env("ALIASSERVICE_API_SECRET", string.Empty), null,
            "token", "org", "--api-key", Organization.ApiKeyId);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("ALIASSERVICE_API_SECRET").And.Contain("--api-secret -");
    }

    [Test]
    public async Task TokenOrg_WithEmptyStandardInput_Exits2()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, new Dictionary<string, string>(), string.Empty,
            "token", "org", "--api-key", Organization.ApiKeyId, "--api-secret", "-");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("standard input");
    }

    [Test]
    public async Task TokenAlias_WithTheSecretInTheEnvironment_PrintsAWorkingHostToken()
    {
        var alias = await CreateAliasAsync($$"""
            "jwt_secret":"{{AliasSecret}}","stream_key":"live_cli"
            """);

        var result = await CommandLineRunner.RunAsync(Factory.Storage, Env("ALIASSERVICE_ALIAS_SECRET", AliasSecret), null,
            "token", "alias", "--alias", alias.Text("id")!, "--user-id", "u1", "--host");

        await ShouldBeWorkingHostTokenAsync(result, alias.Text("id")!);
    }

    [Test]
    public async Task TokenAlias_WithTheSecretOnStandardInput_PrintsAWorkingHostToken()
    {
        var alias = await CreateAliasAsync($$"""
            "jwt_secret":"{{AliasSecret}}","stream_key":"live_cli"
            """);

        var result = await CommandLineRunner.RunAsync(Factory.Storage, new Dictionary<string, string>(), AliasSecret + "\n",
            "token", "alias", "--alias", alias.Text("id")!, "--secret", "-", "--host");

        await ShouldBeWorkingHostTokenAsync(result, alias.Text("id")!);
    }

    [Test]
    public async Task TokenAlias_WithoutAnySecret_Exits2NamingTheWays()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, Env("ALIASSERVICE_ALIAS_SECRET", string.Empty), null,
            "token", "alias", "--alias", "AAAAAAAAAAAAAAAA");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("ALIASSERVICE_ALIAS_SECRET").And.Contain("--secret -");
    }

    [Test]
    public async Task Help_SaysWhereSecretsCanComeFrom()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("ALIASSERVICE_API_SECRET").And.Contain("ALIASSERVICE_ALIAS_SECRET")
            .And.Contain("--api-secret -").And.Contain("--secret -").And.Contain("standard input");
    }

    [TestCase("Acme\u202E")]
    [TestCase("Ac\u0000me")]
    [TestCase("\u200D")]
    [TestCase("   ")]
    public async Task OrgCreate_WithUnusualName_Exits2NamingTheName(string name)
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, "org", "create", "--name", name);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("name");
    }

    private static Dictionary<string, string> Env(string name, string value) => new() { [name] = value };

    private async Task ShouldBeWorkingOrganizationTokenAsync(CommandLineResult result)
    {
        result.ExitCode.Should().Be(0, result.Stderr);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.List);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", result.Stdout.Trim());
        using var response = await Anonymous.SendAsync(request);
        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task ShouldBeWorkingHostTokenAsync(CommandLineResult result, string alias)
    {
        result.ExitCode.Should().Be(0, result.Stderr);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(alias));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", result.Stdout.Trim());
        using var response = await Anonymous.SendAsync(request);
        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("stream_key").Should().Be("live_cli");
    }
}
