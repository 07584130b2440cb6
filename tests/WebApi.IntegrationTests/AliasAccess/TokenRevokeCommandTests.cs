using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary><c>token revoke --alias &lt;id&gt; [--user-id &lt;u&gt;]</c> revokes like the HTTP route, on the service's database.</summary>
// The command line reads the process environment, which every fixture shares.
[NonParallelizable]
public sealed class TokenRevokeCommandTests : AliasAccessTest
{
    [Test]
    public async Task TokenRevoke_WithAUserId_RefusesThatUsersTokensOnly()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var kicked = AliasToken(alias).WithClaim("user_id", "kicked").Encode();
        var stays = AliasToken(alias).WithClaim("user_id", "stays").Encode();

        var result = await CommandLineRunner.RunAsync(Factory.Storage, "token", "revoke", "--alias", alias.Id, "--user-id", "kicked", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        using (var printed = JsonDocument.Parse(result.Stdout))
        {
            printed.RootElement.Text("alias_id").Should().Be(alias.Id);
            printed.RootElement.Text("user_id").Should().Be("kicked");
        }

        using var refused = await RetrieveAsync(alias.Id, kicked);
        await ShouldBeRefusedAsync(refused, "token_revoked", alias, kicked);
        using var accepted = await RetrieveAsync(alias.Id, stays);
        await ShouldBeViewAsync(accepted, alias, ExpectedView.Public);
    }

    [Test]
    public async Task TokenRevoke_WithoutAUserId_RefusesEveryToken()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(alias).Encode();

        var result = await CommandLineRunner.RunAsync(Factory.Storage, "token", "revoke", "--alias", alias.Id);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("every user");
        using var refused = await RetrieveAsync(alias.Id, token);
        await ShouldBeRefusedAsync(refused, "token_revoked", alias, token);
    }

    [Test]
    public async Task TokenRevoke_ForAnUnknownAlias_Exits1()
    {
        var result = await CommandLineRunner.RunAsync(Factory.Storage, "token", "revoke", "--alias", "AAAAAAAAAAAAAAAA");

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Contain("Alias not found");
        (await Anonymous.GetAsync(Routes.Retrieve("AAAAAAAAAAAAAAAA"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
