using System.Security.Cryptography;
using System.Text.Json;
using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using AliasService.Infrastructure.IntegrationTests.TestSupport;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Infrastructure.IntegrationTests.Security;

/// <summary>
/// The verifier over a real SQLite database (aliases, JWT keys of two organizations), with tokens assembled by hand:
/// HMAC with the alias secret, RSA and ECDSA with registered keys, and the hostile variants.
/// </summary>
[TestFixture]
public sealed class AliasTokenVerifierTests
{
    private const string Secret32 = "0123456789abcdef0123456789abcdef";
    private const string Secret48 = "0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Secret64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly RSA ForeignRsaKey = RSA.Create(2048);
    private static readonly RSA UnregisteredRsaKey = RSA.Create(2048);
    private static readonly ECDsa UnregisteredP256Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    // The registered keys are new in every test: Microsoft.IdentityModel caches signature providers per key
    // thumbprint for the whole process, so each test's valid-signature path starts from an empty cache entry.
    private RSA? _rsa;
    private JwtKey? _rsaKey;
    private ECDsa _p256 = null!;
    private ECDsa _p384 = null!;

    private FakeTimeProvider _clock = null!;
    private TestDatabase _database = null!;
    private SqliteAliasServiceDbContext _context = null!;
    private AliasTokenVerifier _verifier = null!;
    private Alias _alias = null!;
    private Alias _alias48 = null!;
    private Alias _alias64 = null!;
    private Alias _sameSecretAlias = null!;
    private Alias _aliasWithoutSecret = null!;
    private Organization _organization = null!;
    private JwtKey _p256Key = null!;
    private JwtKey _p384Key = null!;
    private JwtKey _foreignKey = null!;

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    [OneTimeTearDown]
    public static void DisposeKeys()
    {
        ForeignRsaKey.Dispose();
        UnregisteredRsaKey.Dispose();
        UnregisteredP256Key.Dispose();
    }

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _database = new TestDatabase();
        _rsa = null;
        _rsaKey = null;
        _p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        _organization = Organization.Create("Acme", _clock);
        var organization = _organization;
        var other = Organization.Create("Other", _clock);
        var expiredAt = Now + 86_400;
        _alias = Alias.Create(organization.Id, AliasType.Conference, "Room", "1234", Secret32, "stream", expiredAt, _clock);
        _alias48 = Alias.Create(organization.Id, AliasType.Conference, "Room 48", null, Secret48, null, expiredAt, _clock);
        _alias64 = Alias.Create(organization.Id, AliasType.Live, "Room 64", null, Secret64, null, expiredAt, _clock);
        _sameSecretAlias = Alias.Create(organization.Id, AliasType.Live, "Twin", null, Secret32, null, expiredAt, _clock);
        _aliasWithoutSecret = Alias.Create(organization.Id, AliasType.Live, "Open", null, null, null, expiredAt, _clock);
        var reader = new PublicKeyReader();
        _p256Key = JwtKey.Create(organization.Id, "p256", reader.Read(_p256.ExportSubjectPublicKeyInfoPem()), _clock);
        _p384Key = JwtKey.Create(organization.Id, "p384", reader.Read(_p384.ExportSubjectPublicKeyInfoPem()), _clock);
        _foreignKey = JwtKey.Create(other.Id, "foreign", reader.Read(ForeignRsaKey.ExportSubjectPublicKeyInfoPem()), _clock);
        _database.Seed(organization, other, _alias, _alias48, _alias64, _sameSecretAlias, _aliasWithoutSecret, _p256Key, _p384Key, _foreignKey);

        _context = _database.NewContext();
        _verifier = new AliasTokenVerifier(new DatabaseJwtKeys(new Lazy<AliasServiceDbContext>(() => _context), TestCaches.Off()), _clock);
    }

    [TearDown]
    public void TearDown()
    {
        _context.Dispose();
        _database.Dispose();
        _rsa?.Dispose();
        _p256.Dispose();
        _p384.Dispose();
    }

    /// <summary>A registered RSA key of the alias's organization, generated (slowly) only by the tests that use one.</summary>
    private RSA Rsa => _rsa ??= RSA.Create(2048);

    private JwtKey RsaKey
    {
        get
        {
            if (_rsaKey is null)
            {
                _rsaKey = JwtKey.Create(_organization.Id, "rsa", new PublicKeyReader().Read(Rsa.ExportSubjectPublicKeyInfoPem()), _clock);
                _database.Seed(_rsaKey);
            }

            return _rsaKey;
        }
    }

    /// <summary>The alias as public retrieval loads it: read back from the database, secret decrypted.</summary>
    private Alias Stored(Alias alias) => _context.Aliases.AsNoTracking().Single(a => a.Id == alias.Id);

    private string Claims(Alias? alias = null, Action<Dictionary<string, object?>>? change = null)
    {
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { ["alias"] = (alias ?? _alias).Id, ["exp"] = Now + 600 };
        change?.Invoke(claims);
        return JsonSerializer.Serialize(claims);
    }

    private Task<AliasTokenVerification> Verify(string token, Alias? alias = null) =>
        _verifier.VerifyAsync(token, Stored(alias ?? _alias), CancellationToken.None);

    private async Task<string?> Refusal(string token, Alias? alias = null)
    {
        var result = await Verify(token, alias);
        result.IsValid.Should().BeFalse();
        result.Host.Should().BeFalse();
        result.Refusal!.Description.Should().NotBeNullOrWhiteSpace();
        result.Refusal.TokenPresented.Should().BeTrue();
        return result.Refusal.Reason;
    }

    // HMAC with the alias secret.

    [Test]
    public async Task Verify_Hs256WithTheAliasSecret_IsValidAndNotHost()
    {
        var result = await Verify(TestTokens.Hmac("HS256", Secret32, Claims()));

        result.Verdict().Should().Be(AliasTokenVerification.Valid(host: false).Verdict());
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Verify_Hs256WithHostClaim_AnswersTheHostFlag(bool host)
    {
        var result = await Verify(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["host"] = host)));

        result.Verdict().Should().Be(AliasTokenVerification.Valid(host).Verdict());
    }

    [Test]
    public async Task Verify_Hs384WithA48ByteSecret_IsValid()
    {
        var result = await Verify(TestTokens.Hmac("HS384", Secret48, Claims(_alias48)), _alias48);

        result.IsValid.Should().BeTrue();
    }

    [Test]
    public async Task Verify_Hs384WithA64ByteSecret_IsValid()
    {
        var result = await Verify(TestTokens.Hmac("HS384", Secret64, Claims(_alias64)), _alias64);

        result.IsValid.Should().BeTrue();
    }

    // Publicly a bad signature like any other (the length of the secret is the owner's business); the precise
    // cause stays in the diagnostic.
    [Test]
    public async Task Verify_Hs384WithA32ByteSecret_IsABadSignatureWithThePreciseDiagnostic()
    {
        var result = await Verify(TestTokens.Hmac("HS384", Secret32, Claims()));

        result.Verdict().Should().Be(AliasTokenVerification.Refused(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify, TokenDiagnostic.Hs384SecretTooShort).Verdict());
    }

    [Test]
    public async Task Verify_Hs512WithA64ByteSecret_IsValid()
    {
        var result = await Verify(TestTokens.Hmac("HS512", Secret64, Claims(_alias64, c => c["host"] = true)), _alias64);

        result.Verdict().Should().Be(AliasTokenVerification.Valid(host: true).Verdict());
    }

    [TestCase(Secret32)]
    [TestCase(Secret48)]
    public async Task Verify_Hs512WithASecretShorterThan64Bytes_IsABadSignatureWithThePreciseDiagnostic(string secret)
    {
        var alias = secret == Secret32 ? _alias : _alias48;

        var result = await Verify(TestTokens.Hmac("HS512", secret, Claims(alias)), alias);

        result.Verdict().Should().Be(AliasTokenVerification.Refused(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify, TokenDiagnostic.Hs512SecretTooShort).Verdict());
    }

    [Test]
    public async Task Verify_Hs256WithAnotherSecret_HasTheReasonAsItsDiagnostic()
    {
        var result = await Verify(TestTokens.Hmac("HS256", Secret32.ToUpperInvariant(), Claims()));

        result.Verdict().Should().Be(AliasTokenVerification.Refused(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify, TokenFailureReason.BadSignature).Verdict());
    }

    [Test]
    public async Task Verify_Hs256WithAnotherSecret_IsABadSignature()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret32.ToUpperInvariant(), Claims()))).Should().Be(TokenFailureReason.BadSignature);
    }

    [Test]
    public async Task Verify_Hs256WithTheSecretOfAnotherAlias_IsABadSignature()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret48, Claims()))).Should().Be(TokenFailureReason.BadSignature);
    }

    [Test]
    public async Task Verify_PayloadSwappedAfterSigning_IsABadSignature()
    {
        var signed = TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["host"] = false)).Split('.');
        var forged = TestTokens.Encode(Claims(change: c => c["host"] = true));

        (await Refusal($"{signed[0]}.{forged}.{signed[2]}")).Should().Be(TokenFailureReason.BadSignature);
    }

    [Test]
    public async Task Verify_SignatureWithOneCharacterChanged_IsRefused()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims());
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        (await Verify(tampered)).IsValid.Should().BeFalse();
    }

    [Test]
    public async Task Verify_HmacTokenForAnAliasWithoutJwtSecret_IsABadSignature()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims(_aliasWithoutSecret));

        (await Verify(token, _aliasWithoutSecret)).Verdict().Should().Be(
            AliasTokenVerification.Refused(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify, TokenDiagnostic.NoJwtSecret).Verdict());
    }

    [Test]
    public async Task Verify_TokenOfAnotherAliasWithTheSameSecret_IsAnAliasMismatch()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims(_sameSecretAlias));

        (await Refusal(token)).Should().Be(TokenFailureReason.AliasMismatch);
    }

    // alg none and other algorithms.

    [Test]
    public async Task Verify_AlgNoneWithoutSignature_IsRefusedAsMalformed()
    {
        var token = $"{TestTokens.SigningInput("{\"alg\":\"none\",\"typ\":\"JWT\"}", Claims())}.";

        (await Refusal(token)).Should().Be(TokenFailureReason.Malformed);
    }

    [TestCase("none")]
    [TestCase("None")]
    [TestCase("NONE")]
    [TestCase("hs256")]
    [TestCase("RS384")]
    [TestCase("ES256K")]
    [TestCase("EdDSA")]
    [TestCase("dir")]
    public async Task Verify_AlgorithmNotAccepted_IsRefusedAsUnsupportedAlgorithm(string alg)
    {
        var token = $"{TestTokens.SigningInput($"{{\"alg\":\"{alg}\",\"kid\":\"{_p256Key.Id}\"}}", Claims())}.c2lnbmF0dXJl";

        (await Refusal(token)).Should().Be(TokenFailureReason.UnsupportedAlgorithm);
    }

    [Test]
    public async Task Verify_Hs256SignedWithTheRegisteredPublicKeyText_IsABadSignature()
    {
        // Algorithm confusion: an HMAC algorithm only ever gets the alias secret, never a public key.
        var header = TestTokens.Header("HS256", RsaKey.Id);
        var token = TestTokens.Hmac("HS256", RsaKey.PublicKeyPem, Claims(), header);

        (await Refusal(token)).Should().Be(TokenFailureReason.BadSignature);
    }

    // Registered JWT keys.

    [TestCase("RS256")]
    [TestCase("PS256")]
    public async Task Verify_RsaSignedTokenWithTheRegisteredKeysKid_IsValid(string alg)
    {
        var result = await Verify(TestTokens.Rsa(alg, Rsa, RsaKey.Id, Claims(change: c => c["host"] = true)));

        result.Verdict().Should().Be(AliasTokenVerification.Valid(host: true).Verdict());
    }

    [Test]
    public async Task Verify_Es256TokenWithTheRegisteredP256KeysKid_IsValid()
    {
        var result = await Verify(TestTokens.Ecdsa("ES256", _p256, _p256Key.Id, Claims()));

        result.Verdict().Should().Be(AliasTokenVerification.Valid(host: false).Verdict());
    }

    [Test]
    public async Task Verify_Es384TokenWithTheRegisteredP384KeysKid_IsValid()
    {
        var result = await Verify(TestTokens.Ecdsa("ES384", _p384, _p384Key.Id, Claims()));

        result.IsValid.Should().BeTrue();
    }

    [Test]
    public async Task Verify_TheSameRegisteredKeysAgainAndAgain_StayValid()
    {
        // Microsoft.IdentityModel caches a signature provider per key: the key behind it must outlive one request.
        var results = new List<AliasTokenVerification>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await Verify(TestTokens.Rsa("RS256", Rsa, RsaKey.Id, Claims(change: c => c["user_id"] = $"u{i}"))));
            results.Add(await Verify(TestTokens.Rsa("PS256", Rsa, RsaKey.Id, Claims(change: c => c["user_id"] = $"u{i}"))));
            results.Add(await Verify(TestTokens.Ecdsa("ES256", _p256, _p256Key.Id, Claims(change: c => c["user_id"] = $"u{i}"))));
        }

        results.Should().HaveCount(9).And.OnlyContain(r => r.IsValid);
    }

    [Test]
    public async Task Verify_DeletedKeyAfterItWasUsed_IsAnUnknownKey()
    {
        (await Verify(TestTokens.Ecdsa("ES256", _p256, _p256Key.Id, Claims()))).IsValid.Should().BeTrue();
        await using (var context = _database.NewContext())
        {
            context.JwtKeys.Remove(context.JwtKeys.Single(k => k.Id == _p256Key.Id));
            await context.SaveChangesAsync();
        }

        (await Refusal(TestTokens.Ecdsa("ES256", _p256, _p256Key.Id, Claims()))).Should().Be(TokenFailureReason.UnknownKey);
    }

    [Test]
    public async Task Verify_AsymmetricTokenWithoutKid_IsAnUnknownKey()
    {
        var input = TestTokens.SigningInput("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", Claims());
        var signature = Rsa.SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        (await Refusal($"{input}.{TestTokens.Encode(signature)}")).Should().Be(TokenFailureReason.UnknownKey);
    }

    [Test]
    public async Task Verify_KidThatNamesNoKey_IsAnUnknownKey()
    {
        (await Refusal(TestTokens.Rsa("RS256", UnregisteredRsaKey, "jwk_missing", Claims()))).Should().Be(TokenFailureReason.UnknownKey);
    }

    [Test]
    public async Task Verify_KidOfAnotherOrganizationsKey_IsAnUnknownKey()
    {
        (await Refusal(TestTokens.Rsa("RS256", ForeignRsaKey, _foreignKey.Id, Claims()))).Should().Be(TokenFailureReason.UnknownKey);
    }

    [Test]
    public async Task Verify_KidThatLooksLikeSql_IsJustAnUnknownKey()
    {
        (await Refusal(TestTokens.Rsa("RS256", UnregisteredRsaKey, "' OR 1=1 --", Claims()))).Should().Be(TokenFailureReason.UnknownKey);
    }

    [Test]
    public async Task Verify_RsaTokenSignedByAnUnregisteredKeyUnderARegisteredKid_IsABadSignature()
    {
        (await Refusal(TestTokens.Rsa("RS256", UnregisteredRsaKey, RsaKey.Id, Claims()))).Should().Be(TokenFailureReason.BadSignature);
    }

    [Test]
    public async Task Verify_EcTokenSignedByAnUnregisteredKeyUnderARegisteredKid_IsABadSignature()
    {
        (await Refusal(TestTokens.Ecdsa("ES256", UnregisteredP256Key, _p256Key.Id, Claims()))).Should().Be(TokenFailureReason.BadSignature);
    }

    [Test]
    public async Task Verify_Es256TokenNamingAnRsaKey_IsRefusedAsUnsupportedAlgorithm()
    {
        (await Refusal(TestTokens.Ecdsa("ES256", _p256, RsaKey.Id, Claims()))).Should().Be(TokenFailureReason.UnsupportedAlgorithm);
    }

    [Test]
    public async Task Verify_Rs256TokenNamingAnEcKey_IsRefusedAsUnsupportedAlgorithm()
    {
        (await Refusal(TestTokens.Rsa("RS256", UnregisteredRsaKey, _p256Key.Id, Claims()))).Should().Be(TokenFailureReason.UnsupportedAlgorithm);
    }

    [Test]
    public async Task Verify_Es384TokenNamingAP256Key_IsRefusedAsUnsupportedAlgorithm()
    {
        (await Refusal(TestTokens.Ecdsa("ES384", _p384, _p256Key.Id, Claims()))).Should().Be(TokenFailureReason.UnsupportedAlgorithm);
    }

    [Test]
    public async Task Verify_RsaTokenWithValidSignatureForAnotherAlias_IsAnAliasMismatch()
    {
        (await Refusal(TestTokens.Rsa("RS256", Rsa, RsaKey.Id, Claims(_alias64)))).Should().Be(TokenFailureReason.AliasMismatch);
    }

    // The alias claim.

    [Test]
    public async Task Verify_AliasClaimOfAnotherAlias_IsAnAliasMismatch()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["alias"] = "someone-else")))).Should().Be(TokenFailureReason.AliasMismatch);
    }

    [Test]
    public async Task Verify_WithoutAliasClaim_IsAnAliasMismatch()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c.Remove("alias"))))).Should().Be(TokenFailureReason.AliasMismatch);
    }

    [TestCase("upper")]
    [TestCase("space")]
    [TestCase("array")]
    [TestCase("null")]
    public async Task Verify_AliasClaimThatIsNotExactlyTheIdAsAString_IsAnAliasMismatch(string variant)
    {
        object? value = variant switch
        {
            "upper" => _alias.Id.ToUpperInvariant() == _alias.Id ? _alias.Id.ToLowerInvariant() : _alias.Id.ToUpperInvariant(),
            "space" => _alias.Id + " ",
            "array" => new[] { _alias.Id },
            _ => null,
        };

        (await Refusal(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["alias"] = value)))).Should().Be(TokenFailureReason.AliasMismatch);
    }

    [Test]
    public async Task Verify_NumericAliasClaimEqualToANumericLookingId_IsAnAliasMismatch()
    {
        // The library would read 123 as "123"; the claim must be a JSON string.
        var payload = Claims().Replace($"\"{_alias.Id}\"", "123", StringComparison.Ordinal);

        (await Refusal(TestTokens.Hmac("HS256", Secret32, payload))).Should().Be(TokenFailureReason.AliasMismatch);
    }

    // host and user_id.

    [TestCase("\"true\"")]
    [TestCase("1")]
    [TestCase("null")]
    [TestCase("\"yes\"")]
    public async Task Verify_HostClaimThatIsNotABoolean_IsAnInvalidClaim(string host)
    {
        var payload = $"{{\"alias\":\"{_alias.Id}\",\"exp\":{Now + 600},\"host\":{host}}}";

        (await Refusal(TestTokens.Hmac("HS256", Secret32, payload))).Should().Be(TokenFailureReason.InvalidClaim);
    }

    [TestCase("\"user-1\"")]
    [TestCase("null")]
    public async Task Verify_UserIdAsStringOrNull_IsValid(string userId)
    {
        var payload = $"{{\"alias\":\"{_alias.Id}\",\"exp\":{Now + 600},\"user_id\":{userId}}}";

        (await Verify(TestTokens.Hmac("HS256", Secret32, payload))).IsValid.Should().BeTrue();
    }

    [TestCase("42")]
    [TestCase("true")]
    [TestCase("{\"id\":1}")]
    public async Task Verify_UserIdThatIsNotAString_IsAnInvalidClaim(string userId)
    {
        var payload = $"{{\"alias\":\"{_alias.Id}\",\"exp\":{Now + 600},\"user_id\":{userId}}}";

        (await Refusal(TestTokens.Hmac("HS256", Secret32, payload))).Should().Be(TokenFailureReason.InvalidClaim);
    }

    [Test]
    public async Task Verify_OtherClaimsThatCommonLibrariesAdd_AreNotRejected()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims(change: c =>
        {
            c["iss"] = "Joken";
            c["aud"] = "Joken";
            c["jti"] = "2s9f0u";
            c["iat"] = Now;
            c["nbf"] = Now;
            c["sub"] = "user-1";
            c["permissions"] = new[] { "read" };
            c["roles"] = new[] { "viewer" };
        }));

        (await Verify(token)).IsValid.Should().BeTrue();
    }

    // Lifetime, on the injected clock.

    [Test]
    public async Task Verify_IatPlusExpiresInWithoutExp_IsValid()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims(change: c =>
        {
            c.Remove("exp");
            c["iat"] = Now - 10;
            c["expires_in"] = 3600;
        }));

        (await Verify(token)).IsValid.Should().BeTrue();
    }

    [Test]
    public async Task Verify_ValidTokenOnceTheClockPassesExpPlusSkew_IsExpired()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims());
        (await Verify(token)).IsValid.Should().BeTrue();

        _clock.Advance(TimeSpan.FromSeconds(600 + 30));

        (await Refusal(token)).Should().Be(TokenFailureReason.TokenExpired);
    }

    [Test]
    public async Task Verify_WithoutAnyLifetime_IsMissingExpiry()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c.Remove("exp"))))).Should().Be(TokenFailureReason.MissingExpiry);
    }

    [Test]
    public async Task Verify_ExpAsAString_IsAnInvalidClaim()
    {
        var payload = $"{{\"alias\":\"{_alias.Id}\",\"exp\":\"{Now + 600}\"}}";

        (await Refusal(TestTokens.Hmac("HS256", Secret32, payload))).Should().Be(TokenFailureReason.InvalidClaim);
    }

    [Test]
    public async Task Verify_NbfBeyondTheSkew_IsNotYetValid()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["nbf"] = Now + 31)))).Should().Be(TokenFailureReason.NotYetValid);
    }

    [Test]
    public async Task Verify_IatBeyondTheSkew_IsIssuedInTheFuture()
    {
        (await Refusal(TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["iat"] = Now + 31)))).Should().Be(TokenFailureReason.IssuedInFuture);
    }

    // Structure, before any key lookup.

    [Test]
    public async Task Verify_HeaderWithJku_IsAnUnsupportedHeader()
    {
        var header = $"{{\"alg\":\"RS256\",\"kid\":\"{_p256Key.Id}\",\"jku\":\"https://attacker.example/jwks.json\"}}";
        var token = TestTokens.Hmac("HS256", Secret32, Claims(), header);

        (await Refusal(token)).Should().Be(TokenFailureReason.UnsupportedHeader);
    }

    [Test]
    public async Task Verify_TokenOverTheSizeLimit_IsTooLong()
    {
        var token = TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["pad"] = new string('p', JwtStructure.MaxTokenLength)));

        (await Refusal(token)).Should().Be(TokenFailureReason.TokenTooLong);
    }

    [TestCase("")]
    [TestCase("not-a-token")]
    [TestCase("a.b.c.d.e")]
    public async Task Verify_SomethingThatIsNotACompactJws_IsMalformed(string token)
    {
        (await Refusal(token)).Should().Be(TokenFailureReason.Malformed);
    }

    // RFC 4648 section 3.5: the unused bits of a segment's last character are zero. The decoder throws on anything
    // else, which escaped the verifier before (a 500 for a token an attacker can write).
    [TestCase(0)]
    [TestCase(1)]
    public async Task Verify_HeaderOrPayloadWithUnusedBitsSet_IsMalformed(int segment)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var parts = (from kid in Enumerable.Range(1, 4) from pad in Enumerable.Range(0, 4) select (kid, pad))
            .Select(n => TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["pad"] = new string('p', n.pad)), TestTokens.Header("HS256", new string('k', n.kid))).Split('.'))
            .First(p => p[0].Length % 4 == 2 && p[1].Length % 4 == 2);
        parts[segment] = parts[segment][..^1] + alphabet[alphabet.IndexOf(parts[segment][^1], StringComparison.Ordinal) | 0b1111];

        (await Refusal(string.Join('.', parts))).Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public async Task Verify_AnyRefusal_NeverQuotesTheTokenOrTheSecret()
    {
        var tokens = new[]
        {
            TestTokens.Hmac("HS256", Secret32.ToUpperInvariant(), Claims()),
            TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["alias"] = "someone-else")),
            TestTokens.Hmac("HS384", Secret32, Claims()),
            TestTokens.Rsa("RS256", UnregisteredRsaKey, RsaKey.Id, Claims()),
            TestTokens.Hmac("HS256", Secret32, Claims(change: c => c["exp"] = Now - 3600)),
        };

        foreach (var token in tokens)
        {
            var result = await Verify(token);
            var segments = token.Split('.');
            result.Refusal!.Description.Should().NotContain(segments[1]).And.NotContain(segments[2])
                .And.NotContain(Secret32).And.NotContain(Secret32.ToUpperInvariant()).And.NotContain("someone-else");
        }
    }
}
