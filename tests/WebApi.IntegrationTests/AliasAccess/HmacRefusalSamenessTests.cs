using System.Net;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// An HMAC-signed token that fails on public retrieval is refused the same way whatever the alias's configuration:
/// no jwt_secret, a secret too short for HS384 (48 bytes) or HS512 (64 bytes), or simply a wrong signature all
/// answer the same <c>reason</c>, body and <c>WWW-Authenticate</c>. Otherwise anyone who knows an alias id could
/// learn whether it has a secret and how long it is.
/// </summary>
public sealed class HmacRefusalSamenessTests : AliasAccessTest
{
    private static readonly string Secret32 = new('k', 32);
    private static readonly string Secret48 = new('k', 48);
    private static readonly string Secret64 = new('k', 64);

    [Test]
    public async Task HmacFailures_OnDifferentlyConfiguredAliases_AnswerExactlyTheSame()
    {
        var noSecret = await CreateTestAliasAsync(passcode: "4321");
        var short32 = await CreateTestAliasAsync(jwtSecret: Secret32);
        var short48 = await CreateTestAliasAsync(jwtSecret: Secret48);
        var long64 = await CreateTestAliasAsync(jwtSecret: Secret64);

        var answers = new List<(string Case, string Body, string Challenge)>();
        foreach (var (name, alias, token) in new (string, TestAlias, string)[]
        {
            ("no jwt_secret, HS256", noSecret, Token(noSecret, "HS256", Secret32)),
            ("no jwt_secret, HS512", noSecret, Token(noSecret, "HS512", Secret64)),
            ("32-byte secret, HS384 signed with it", short32, Token(short32, "HS384", Secret32)),
            ("32-byte secret, HS512 signed with it", short32, Token(short32, "HS512", Secret32)),
            ("48-byte secret, HS512 signed with it", short48, Token(short48, "HS512", Secret48)),
            ("64-byte secret, HS256 signed with another", long64, Token(long64, "HS256", new string('x', 64))),
            ("64-byte secret, HS512 unsigned", long64, Unsigned(long64, "HS512")),
            ("32-byte secret, HS384 unsigned", short32, Unsigned(short32, "HS384")),
        })
        {
            using var response = await RetrieveAsync(alias.Id, token);
            await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
            answers.Add((name, await response.Content.ReadAsStringAsync(), Challenge(response)));
        }

        answers.Select(a => a.Body).Distinct().Should().ContainSingle("every case should read the same: {0}", string.Join("; ", answers));
        answers.Select(a => a.Challenge).Distinct().Should().ContainSingle("every case should read the same: {0}", string.Join("; ", answers));
    }

    private TestJwt Claims(TestAlias alias, string algorithm) =>
        new TestJwt().WithHeader("alg", algorithm).WithHeader("typ", "JWT")
            .WithClaim("alias", alias.Id).WithClaim("exp", Factory.Now + 600);

    private string Token(TestAlias alias, string algorithm, string secret) => algorithm switch
    {
        "HS256" => Claims(alias, algorithm).SignedHs256(secret).Encode(),
        "HS384" => Claims(alias, algorithm).SignedHs384(secret).Encode(),
        _ => Claims(alias, algorithm).SignedHs512(secret).Encode(),
    };

    /// <summary>A token whose signature segment is random text of the algorithm's length.</summary>
    private string Unsigned(TestAlias alias, string algorithm)
    {
        var signed = Token(alias, algorithm, "not-the-secret-not-the-secret-not-the-secret-0123456789");
        return signed[..(signed.LastIndexOf('.') + 1)] + new string('A', signed.Length - signed.LastIndexOf('.') - 1);
    }
}
