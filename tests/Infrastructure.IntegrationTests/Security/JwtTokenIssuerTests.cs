using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;
using AliasService.Domain.Organizations;
using AliasService.Infrastructure.IntegrationTests.TestSupport;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Infrastructure.IntegrationTests.Security;

/// <summary>The issuer's tokens, read with plain JSON and checked by the real verifier over SQLite.</summary>
[TestFixture]
public sealed class JwtTokenIssuerTests
{
    private const string Secret = "an-alias-secret-of-at-least-32-bytes!";
    private const string ApiSecret = "sk_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

    private FakeTimeProvider _clock = null!;
    private JwtTokenIssuer _issuer = null!;
    private TestDatabase _database = null!;
    private Alias _alias = null!;

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _issuer = new JwtTokenIssuer(_clock);
        _database = new TestDatabase();
        var organization = Organization.Create("Acme", _clock);
        _alias = Alias.Create(organization.Id, AliasType.Live, "Stage", null, Secret, "stream", Now + 86_400, _clock);
        _database.Seed(organization, _alias);
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    private async Task<AliasTokenVerification> VerifyAsync(string token)
    {
        await using var context = _database.NewContext();
        var stored = await context.Aliases.AsNoTracking().SingleAsync(a => a.Id == _alias.Id);
        return await new AliasTokenVerifier(new DatabaseJwtKeys(new Lazy<AliasServiceDbContext>(() => context), TestCaches.Off()), _clock).VerifyAsync(token, stored, CancellationToken.None);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task IssueAliasToken_Output_VerifiesForItsAliasWithItsHostFlag(bool host)
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, "user-1", host, TimeSpan.FromHours(1));

        (await VerifyAsync(issued.Token)).Verdict().Should().Be(AliasTokenVerification.Valid(host).Verdict());
    }

    [Test]
    public async Task IssueAliasToken_WithoutUserId_StillVerifies()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.FromMinutes(5));

        (await VerifyAsync(issued.Token)).IsValid.Should().BeTrue();
    }

    [Test]
    public void IssueAliasToken_Payload_CarriesTheSeedClaimsWithTheirJsonTypes()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, "user-1", true, TimeSpan.FromSeconds(3600));

        var payload = TestTokens.Payload(issued.Token);

        payload.GetProperty("alias").GetString().Should().Be(_alias.Id);
        payload.GetProperty("user_id").GetString().Should().Be("user-1");
        payload.GetProperty("host").ValueKind.Should().Be(JsonValueKind.True);
        payload.GetProperty("expires_in").GetInt64().Should().Be(3600);
        payload.GetProperty("iat").GetInt64().Should().Be(Now);
        payload.GetProperty("exp").GetInt64().Should().Be(Now + 3600);
    }

    [Test]
    public void IssueAliasToken_Payload_HasIatPlusExpiresInEqualToExpAndToTheAnsweredExpiry()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(750));

        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.FromSeconds(90));

        var payload = TestTokens.Payload(issued.Token);
        var iat = payload.GetProperty("iat").GetInt64();
        var exp = payload.GetProperty("exp").GetInt64();
        (iat + payload.GetProperty("expires_in").GetInt64()).Should().Be(exp);
        issued.ExpiresAt.Should().Be(exp);
        iat.Should().Be(TestClock.StartSeconds);
    }

    [Test]
    public void IssueAliasToken_Payload_HoldsOnlyTheDocumentedClaims()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, "user-1", false, TimeSpan.FromMinutes(5));

        TestTokens.Payload(issued.Token).EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("alias", "user_id", "host", "expires_in", "iat", "exp");
    }

    [Test]
    public void IssueAliasToken_WithoutUserId_LeavesTheClaimOut()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.FromMinutes(5));

        TestTokens.Payload(issued.Token).TryGetProperty("user_id", out _).Should().BeFalse();
    }

    [Test]
    public void IssueAliasToken_Header_IsHs256JwtWithoutKid()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.FromMinutes(5));

        var header = TestTokens.HeaderOf(issued.Token);
        header.GetProperty("alg").GetString().Should().Be("HS256");
        header.GetProperty("typ").GetString().Should().Be("JWT");
        header.TryGetProperty("kid", out _).Should().BeFalse();
    }

    [Test]
    public void IssueAliasToken_Signature_IsHmacSha256OfTheSigningInputWithTheSecret()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.FromMinutes(5));
        var segments = issued.Token.Split('.');

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{segments[0]}.{segments[1]}"));

        segments[2].Should().Be(TestTokens.Encode(expected));
    }

    [Test]
    public async Task IssueAliasToken_Output_IsExpiredOnceItsLifetimeAndTheSkewHavePassed()
    {
        var issued = _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.FromSeconds(60));

        _clock.Advance(TimeSpan.FromSeconds(60 + TokenLifetime.ClockSkewSeconds));

        (await VerifyAsync(issued.Token)).Refusal!.Reason.Should().Be(TokenFailureReason.TokenExpired);
    }

    [Test]
    public void IssueOrganizationToken_Output_NamesTheApiKeyAndExpiresAfterTheLifetime()
    {
        var issued = _issuer.IssueOrganizationToken("ak_123", ApiSecret, TimeSpan.FromMinutes(10));

        var header = TestTokens.HeaderOf(issued.Token);
        var payload = TestTokens.Payload(issued.Token);
        header.GetProperty("alg").GetString().Should().Be("HS256");
        header.GetProperty("kid").GetString().Should().Be("ak_123");
        payload.GetProperty("exp").GetInt64().Should().Be(Now + 600);
        issued.ExpiresAt.Should().Be(Now + 600);
        var segments = issued.Token.Split('.');
        segments[2].Should().Be(TestTokens.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.ASCII.GetBytes($"{segments[0]}.{segments[1]}"))));
    }

    [Test]
    public void IssueOrganizationToken_Output_PassesTheStructureAndLifetimeRulesWithoutExpiresIn()
    {
        var issued = _issuer.IssueOrganizationToken("ak_123", ApiSecret, TimeSpan.FromHours(24));

        JwtStructure.TryParse(issued.Token, out var structure, out _).Should().BeTrue();

        TokenLifetime.TryCheck(structure!.Payload, Now, allowExpiresIn: false, out var expires, out _).Should().BeTrue();
        expires.Should().Be(Now + 86_400);
    }

    [Test]
    public void Issue_WithoutPositiveLifetime_Throws()
    {
        var act = () => _issuer.IssueAliasToken(_alias.Id, Secret, null, false, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
