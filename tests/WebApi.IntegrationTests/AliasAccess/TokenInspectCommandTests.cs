using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// <c>token inspect --token &lt;t&gt; (--secret - | --public-key &lt;file&gt;) [--alias &lt;id&gt;]</c>: the service's verifier
/// offline, with a locally supplied key; the answer never holds the key or the signature.
/// </summary>
// The command line reads the process environment, which every fixture shares.
[NonParallelizable]
public sealed class TokenInspectCommandTests : AliasAccessTest
{
    private const string Secret = "an-offline-secret-of-at-least-32-bytes!!";

    [Test]
    public async Task TokenInspect_WithTheRightSecretOnStandardInput_SaysValidAndExits0()
    {
        var token = AliasToken("AAAAAAAAAAAAAAAA", Secret).WithClaim("iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds()).WithClaim("exp", DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600).Encode();

        var result = await CommandLineRunner.RunAsync(Factory.Storage, new Dictionary<string, string>(), Secret + "\n",
            "token", "inspect", "--token", token, "--secret", "-", "--alias", "AAAAAAAAAAAAAAAA");

        result.ExitCode.Should().Be(0, result.Stderr);
        using var answer = JsonDocument.Parse(result.Stdout);
        answer.RootElement.GetProperty("is_valid").GetBoolean().Should().BeTrue();
        answer.RootElement.Text("key").Should().Be("jwt_secret");
        result.Stdout.Should().NotContain(Secret).And.NotContain(token[(token.LastIndexOf('.') + 1)..]);
    }

    [Test]
    public async Task TokenInspect_WithAnotherSecretOrAlias_ExplainsTheRefusalAndExits1()
    {
        var token = AliasToken("AAAAAAAAAAAAAAAA", Secret).WithClaim("iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds()).WithClaim("exp", DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600).Encode();

        var wrongSecret = await CommandLineRunner.RunAsync(Factory.Storage, new Dictionary<string, string>(), "another-secret-of-at-least-32-bytes!!\n",
            "token", "inspect", "--token", token, "--secret", "-");
        var wrongAlias = await CommandLineRunner.RunAsync(Factory.Storage, new Dictionary<string, string>(), Secret + "\n",
            "token", "inspect", "--token", token, "--secret", "-", "--alias", "BBBBBBBBBBBBBBBB");

        wrongSecret.ExitCode.Should().Be(1);
        using (var answer = JsonDocument.Parse(wrongSecret.Stdout))
        {
            answer.RootElement.Text("reason").Should().Be("bad_signature");
        }

        wrongAlias.ExitCode.Should().Be(1);
        using (var answer = JsonDocument.Parse(wrongAlias.Stdout))
        {
            answer.RootElement.Text("reason").Should().Be("alias_mismatch");
        }

        wrongSecret.Stdout.Should().NotContain(Secret);
    }

    [Test]
    public async Task TokenInspect_WithAPublicKeyFile_VerifiesAnRs256Token()
    {
        using var rsa = TestKeys.FreshRsa();
        var file = Path.Combine(Factory.DataFolder, "inspect-public.pem");
        await File.WriteAllTextAsync(file, rsa.ExportSubjectPublicKeyInfoPem());
        var token = AsymmetricJwt.ForAlias("RS256", "jwk_AAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAA", DateTimeOffset.UtcNow.ToUnixTimeSeconds()).SignRsaPkcs1(rsa);

        var result = await CommandLineRunner.RunAsync(Factory.Storage, "token", "inspect", "--token", token, "--public-key", file);

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        using var answer = JsonDocument.Parse(result.Stdout);
        answer.RootElement.Text("algorithm").Should().Be("RS256");
        answer.RootElement.Text("view").Should().Be("host");
    }
}
