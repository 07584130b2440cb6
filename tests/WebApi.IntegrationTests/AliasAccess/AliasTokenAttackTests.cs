using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// Alias tokens an attacker would try (RFC 8725, the OWASP JWT cheat sheet, the jose/jsonwebtoken/pyjwt suites):
/// every one is a 401 with the envelope, the RFC 6750 challenge and no alias data (docs/api.md "Alias tokens" and
/// shared/security.md). The target alias is protected by a JWT secret and has a stream key to leak.
/// </summary>
public sealed class AliasTokenAttackTests : AliasAccessTest
{
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateTargetAliasAsync() => _alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

    // ---- alg "none" -------------------------------------------------------------------------------------------

    [Test]
    public Task Retrieve_WithAlgNoneUnsigned_Returns401Malformed() => AssertAlgNoneUnsignedIsRefusedAsync("none");

    [Test]
    public Task Retrieve_WithAlgNoneCapitalizedUnsigned_Returns401Malformed() => AssertAlgNoneUnsignedIsRefusedAsync("None");

    [Test]
    public Task Retrieve_WithAlgNoneUppercaseUnsigned_Returns401Malformed() => AssertAlgNoneUnsignedIsRefusedAsync("NONE");

    [Test]
    public Task Retrieve_WithAlgNoneAndASignatureSegment_Returns401UnsupportedAlgorithm() => AssertAlgNoneSignedIsRefusedAsync("none");

    [Test]
    public Task Retrieve_WithAlgNoneCapitalizedAndASignatureSegment_Returns401UnsupportedAlgorithm() => AssertAlgNoneSignedIsRefusedAsync("None");

    [Test]
    public Task Retrieve_WithAlgNoneUppercaseAndASignatureSegment_Returns401UnsupportedAlgorithm() => AssertAlgNoneSignedIsRefusedAsync("NONE");

    // ---- signatures -------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithSignatureStripped_Returns401Malformed()
    {
        var valid = AliasToken(_alias).Encode();
        var stripped = valid[..(valid.LastIndexOf('.') + 1)];

        using var response = await RetrieveAsync(_alias.Id, stripped);

        await ShouldBeRefusedAsync(response, "malformed", _alias, stripped);
    }

    [Test]
    public async Task Retrieve_WithPayloadWhoseLastCharacterHasUnusedBitsSet_Returns401Malformed()
    {
        // RFC 4648 section 3.5 wants those bits zero; the base64url decoder threw on them, and the request failed.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var parts = Enumerable.Range(0, 4)
            .Select(n => AliasToken(_alias).WithClaim("pad", new string('p', n)).Encode().Split('.'))
            .First(p => p[1].Length % 4 == 2);
        parts[1] = parts[1][..^1] + alphabet[alphabet.IndexOf(parts[1][^1], StringComparison.Ordinal) | 0b1111];
        var token = string.Join('.', parts);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithPayloadTamperedAndOriginalSignatureKept_Returns401BadSignature()
    {
        var original = AliasToken(_alias).WithClaim("host", false).Encode();
        var tampered = AliasToken(_alias).WithClaim("host", true).Encode();
        var forged = tampered[..tampered.LastIndexOf('.')] + original[original.LastIndexOf('.')..];

        using var response = await RetrieveAsync(_alias.Id, forged);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, forged);
    }

    [Test]
    public async Task Retrieve_WithTokenForThisAliasSignedWithAnotherAliasSecret_Returns401BadSignature()
    {
        var other = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(_alias.Id, other.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithAnotherAliasValidHs256Token_Returns401BadSignature()
    {
        // A token that is valid in every way, but for another alias and with that alias's HMAC key.
        var other = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(other).WithClaim("host", true).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithHs256SignatureUnderAnHs512Header_Returns401BadSignature()
    {
        // Signed HS256 but declaring HS512: the declared algorithm is the one checked.
        var hs256 = AliasToken(_alias).Encode();
        var relabelled = RawJwt.Encode("""{"alg":"HS512","typ":"JWT"}""") + hs256[hs256.IndexOf('.')..];

        using var response = await RetrieveAsync(_alias.Id, relabelled);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, relabelled);
    }

    [Test]
    public async Task Retrieve_WithLowercaseAlgHs256_Returns401UnsupportedAlgorithm()
    {
        var token = AliasToken(_alias).WithHeader("alg", "hs256").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_algorithm", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithRs256WithoutKidSignedByAnAttackerKey_Returns401UnknownKey()
    {
        // An asymmetric token is only ever checked with a registered key its kid names; no kid, no key.
        using var attacker = RSA.Create(2048);
        var token = RawJwt.Rs256("""{"alg":"RS256","typ":"JWT"}""", ValidPayload(_alias.Id), attacker);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unknown_key", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithUnknownAlgorithmName_Returns401UnsupportedAlgorithm()
    {
        var token = AliasToken(_alias).WithHeader("alg", "HS1024").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_algorithm", _alias, token);
    }

    // ---- the alias claim ---------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithRightSecretButAliasClaimOfAnotherAlias_Returns401AliasMismatch()
    {
        var other = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(other.Id, _alias.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithAliasClaimAsNumber_Returns401AliasMismatch()
    {
        var token = AliasToken(_alias).WithRawClaim("alias", "123").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithAliasClaimAsArrayHoldingTheId_Returns401AliasMismatch()
    {
        var token = AliasToken(_alias).WithClaim("alias", new[] { _alias.Id }).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithAliasClaimAsObjectHoldingTheId_Returns401AliasMismatch()
    {
        var token = AliasToken(_alias).WithClaim("alias", new Dictionary<string, string> { ["id"] = _alias.Id }).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithAliasClaimDifferingOnlyInCase_Returns401AliasMismatch()
    {
        var token = AliasToken(_alias).WithClaim("alias", SwapCase(_alias.Id)).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithAliasClaimWithTrailingNulCharacter_Returns401AliasMismatch()
    {
        var token = AliasToken(_alias).WithClaim("alias", _alias.Id + "\u0000").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "alias_mismatch", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithDuplicateAliasClaimsOtherFirst_Returns401Malformed()
    {
        // A last-member-wins parser would read the target id; a first-member-wins one the other.
        var payload = $$"""{"alias":"someone-elses-alias","alias":"{{_alias.Id}}","iat":{{Factory.Now}},"exp":{{Factory.Now + 3600}}}""";
        var token = new TestJwt().WithRawHeader(RawJwtHeaders.Hs256).WithRawPayload(payload).SignedHs256(_alias.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithDuplicateAliasClaimsTargetFirst_Returns401Malformed()
    {
        var payload = $$"""{"alias":"{{_alias.Id}}","alias":"someone-elses-alias","iat":{{Factory.Now}},"exp":{{Factory.Now + 3600}}}""";
        var token = new TestJwt().WithRawHeader(RawJwtHeaders.Hs256).WithRawPayload(payload).SignedHs256(_alias.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    // ---- claim types the token library would coerce ------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithHostAsStringTrue_Returns401InvalidClaimNotHostView()
    {
        var token = AliasToken(_alias).WithClaim("host", "true").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithHostAsNumberOne_Returns401InvalidClaim()
    {
        var token = AliasToken(_alias).WithRawClaim("host", "1").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithExpAsString_Returns401InvalidClaim()
    {
        var token = AliasToken(_alias).WithClaim("exp", (Factory.Now + 3600).ToString(CultureInfo.InvariantCulture)).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithExpAsFraction_Returns401InvalidClaim()
    {
        var token = AliasToken(_alias).WithRawClaim("exp", "1.5").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithFutureExpWrittenAsFraction_Returns401InvalidClaim()
    {
        // Not only an expired 1.5: a fractional exp that would be in the future is refused for its type too.
        var token = AliasToken(_alias).WithRawClaim("exp", $"{Factory.Now + 3600}.5").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithExpiresInAsString_Returns401InvalidClaim()
    {
        var token = AliasToken(_alias).WithoutClaim("exp").WithClaim("expires_in", "3600").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithUserIdAsNumber_Returns401InvalidClaim()
    {
        var token = AliasToken(_alias).WithRawClaim("user_id", "456").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "invalid_claim", _alias, token);
    }

    // ---- lifetime ---------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithExpInThePast_Returns401TokenExpired()
    {
        var token = AliasToken(_alias).WithClaim("iat", Factory.Now - 7200).WithClaim("exp", Factory.Now - 3600).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithIatPlusExpiresInInThePastAndNoExp_Returns401TokenExpired()
    {
        var token = AliasToken(_alias).WithoutClaim("exp").WithClaim("iat", Factory.Now - 7200).WithClaim("expires_in", 3600).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithValidExpButIatPlusExpiresInPassed_Returns401TokenExpired()
    {
        // Both lifetimes given: both must hold.
        var token = AliasToken(_alias).WithClaim("iat", Factory.Now - 7200).WithClaim("expires_in", 3600).WithClaim("exp", Factory.Now + 3600).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_expired", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithNbfInTheFuture_Returns401NotYetValid()
    {
        var token = AliasToken(_alias).WithClaim("nbf", Factory.Now + 3600).WithClaim("exp", Factory.Now + 7200).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_not_yet_valid", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithIatInTheFuture_Returns401IssuedInFuture()
    {
        var token = AliasToken(_alias).WithClaim("iat", Factory.Now + 3600).WithClaim("exp", Factory.Now + 7200).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "issued_in_future", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithNoLifetimeAtAll_Returns401MissingExpiry()
    {
        var token = AliasToken(_alias).WithoutClaim("iat").WithoutClaim("exp").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "missing_expiry", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithIatButNeitherExpNorExpiresIn_Returns401MissingExpiry()
    {
        var token = AliasToken(_alias).WithoutClaim("exp").Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "missing_expiry", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithExpiresInButNoIatToCountFrom_Returns401MissingExpiry()
    {
        // The four claims of the original walkthrough alone: expires_in counts from issuance, and nothing says when that was.
        var token = AliasToken(_alias).WithoutClaim("iat").WithoutClaim("exp").WithClaim("host", true).WithClaim("expires_in", 3600).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "missing_expiry", _alias, token);
    }

    // ---- structure --------------------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithTwoSegments_Returns401Malformed()
    {
        var valid = AliasToken(_alias).Encode();
        var twoSegments = valid[..valid.LastIndexOf('.')];

        using var response = await RetrieveAsync(_alias.Id, twoSegments);

        await ShouldBeRefusedAsync(response, "malformed", _alias, twoSegments);
    }

    [Test]
    public async Task Retrieve_WithFourSegments_Returns401Malformed()
    {
        var valid = AliasToken(_alias).Encode();
        var fourSegments = valid + "." + valid.Split('.')[2];

        using var response = await RetrieveAsync(_alias.Id, fourSegments);

        await ShouldBeRefusedAsync(response, "malformed", _alias, fourSegments);
    }

    [Test]
    public async Task Retrieve_WithFiveSegmentCompressedJwe_Returns401Malformed()
    {
        var header = RawJwt.Encode("""{"alg":"dir","enc":"A256GCM","zip":"DEF","typ":"JWT"}""");
        var jwe = string.Join('.', header, string.Empty, RawJwt.Encode(RandomNumberGenerator.GetBytes(12)),
            RawJwt.Encode(RandomNumberGenerator.GetBytes(4096)), RawJwt.Encode(RandomNumberGenerator.GetBytes(16)));

        using var response = await RetrieveAsync(_alias.Id, jwe);

        await ShouldBeRefusedAsync(response, "malformed", _alias, jwe);
    }

    [Test]
    public async Task Retrieve_WithFiveNonEmptySegmentJwe_Returns401Malformed()
    {
        var header = RawJwt.Encode("""{"alg":"dir","enc":"A256GCM","zip":"DEF"}""");
        var jwe = string.Join('.', header, RawJwt.Encode(RandomNumberGenerator.GetBytes(32)), RawJwt.Encode(RandomNumberGenerator.GetBytes(12)),
            RawJwt.Encode(RandomNumberGenerator.GetBytes(256)), RawJwt.Encode(RandomNumberGenerator.GetBytes(16)));

        using var response = await RetrieveAsync(_alias.Id, jwe);

        await ShouldBeRefusedAsync(response, "malformed", _alias, jwe);
    }

    [Test]
    public async Task Retrieve_With20KiBToken_Returns401TokenTooLong()
    {
        // Correctly signed with the alias's secret: only its size is wrong (above the 8 KiB token limit, below the
        // 32 KiB header limit, which answers 431 before any token is read).
        var token = AliasToken(_alias).WithClaim("padding", new string('x', 20 * 1024)).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "token_too_long", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithPayloadThatIsNotAJsonObject_Returns401Malformed()
    {
        var token = new TestJwt().WithRawHeader(RawJwtHeaders.Hs256).WithRawPayload($"[\"{_alias.Id}\"]").SignedHs256(_alias.Secret).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithPayloadThatIsInvalidUtf8_Returns401Malformed()
    {
        var header = RawJwt.Encode(RawJwtHeaders.Hs256);
        var payload = RawJwt.Encode([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        var signingInput = header + "." + payload;
        var token = signingInput + "." + RawJwt.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_alias.Secret), Encoding.ASCII.GetBytes(signingInput)));

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    // ---- non-base64url text -----------------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithStandardBase64PlusInsteadOfMinus_Returns401Malformed()
    {
        var token = ValidTokenWhosePayloadEncodingContains('-').Replace('-', '+');

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithStandardBase64SlashInsteadOfUnderscore_Returns401Malformed()
    {
        var token = ValidTokenWhosePayloadEncodingContains('_').Replace('_', '/');

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithBase64PaddingOnTheSignature_Returns401Malformed()
    {
        // An HS256 signature is 32 bytes: 43 base64url characters, one "=" of padding in standard base64.
        var token = AliasToken(_alias).Encode() + "=";

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithSpaceInsideThePayloadSegment_Returns401Malformed()
    {
        var valid = AliasToken(_alias).Encode();
        var firstDot = valid.IndexOf('.');
        var token = valid[..(firstDot + 5)] + " " + valid[(firstDot + 5)..];

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    // ---- header members: keys never come from the token ---------------------------------------------------------

    [Test]
    public async Task Retrieve_WithJkuHeaderAndAttackerKey_Returns401UnsupportedHeader()
    {
        using var attacker = RSA.Create(2048);
        var token = RawJwt.Rs256("""{"alg":"RS256","typ":"JWT","jku":"https://attacker.example/.well-known/jwks.json"}""", ValidPayload(_alias.Id), attacker);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithX5uHeaderAndAttackerKey_Returns401UnsupportedHeader()
    {
        using var attacker = RSA.Create(2048);
        var token = RawJwt.Rs256("""{"alg":"RS256","typ":"JWT","x5u":"https://attacker.example/cert.pem"}""", ValidPayload(_alias.Id), attacker);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithEmbeddedJwkOfTheAttackerSigningKey_Returns401UnsupportedHeader()
    {
        using var attacker = RSA.Create(2048);
        var header = """{"alg":"RS256","typ":"JWT","jwk":""" + RawJwt.PublicJwk(attacker) + "}";
        var token = RawJwt.Rs256(header, ValidPayload(_alias.Id), attacker);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithEmbeddedSymmetricJwkOfTheAttackerKey_Returns401UnsupportedHeader()
    {
        var attackerKey = RandomNumberGenerator.GetBytes(32);
        var header = $$$"""{"alg":"HS256","typ":"JWT","jwk":{"kty":"oct","k":"{{{RawJwt.Encode(attackerKey)}}}"}}""";
        var token = RawJwt.Hs256WithKeyBytes(header, ValidPayload(_alias.Id), attackerKey);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithKidPathTraversalSignedWithEmptyKey_Returns401BadSignature()
    {
        var token = RawJwt.Hs256WithKeyBytes("""{"alg":"HS256","typ":"JWT","kid":"../../../../dev/null"}""", ValidPayload(_alias.Id), []);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithKidPathTraversalSignedWithZeroKey_Returns401BadSignature()
    {
        var token = RawJwt.Hs256WithKeyBytes("""{"alg":"HS256","typ":"JWT","kid":"../../../../dev/null"}""", ValidPayload(_alias.Id), new byte[32]);

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithKidHoldingSqlSignedWithAttackerKey_Returns401BadSignature()
    {
        var token = RawJwt.Hs256WithKeyBytes("""{"alg":"HS256","typ":"JWT","kid":"x' OR '1'='1"}""", ValidPayload(_alias.Id), Encoding.UTF8.GetBytes(NewSecret()));

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithCritNamingAnUnknownExtension_Returns401UnsupportedHeader()
    {
        // Correctly signed with the alias's secret: a crit extension the service does not understand must still refuse it.
        var token = AliasToken(_alias).WithHeader("crit", new[] { "http://example.com/unknown-extension" })
            .WithHeader("http://example.com/unknown-extension", true).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithB64FalseHeader_Returns401UnsupportedHeader()
    {
        var token = AliasToken(_alias).WithHeader("b64", false).WithHeader("crit", new[] { "b64" }).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_header", _alias, token);
    }

    [Test]
    public async Task Retrieve_WithB64FalseAndUnencodedPayload_Returns401Malformed()
    {
        // RFC 7797 form: the payload segment is the raw JSON text, signed as such.
        var header = RawJwt.Encode("""{"alg":"HS256","b64":false,"crit":["b64"]}""");
        var payload = ValidPayload(_alias.Id);
        var signature = RawJwt.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_alias.Secret), Encoding.UTF8.GetBytes(header + "." + payload)));
        var token = header + "." + payload + "." + signature;

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    // ---- the Authorization header itself ------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_WithEmptyBearer_Returns401Malformed()
    {
        using var response = await RetrieveWithAuthorizationAsync(_alias.Id, "Bearer ");

        await ShouldBeRefusedAsync(response, "malformed", _alias, string.Empty);
    }

    [Test]
    public async Task Retrieve_WithBasicAuthorization_Returns401Malformed()
    {
        using var response = await RetrieveWithAuthorizationAsync(_alias.Id, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + _alias.Secret)));

        await ShouldBeRefusedAsync(response, "malformed", _alias, string.Empty);
    }

    [Test]
    public async Task Retrieve_WithOwnerTokenAndHostTokenInTwoAuthorizationHeaders_Returns401Malformed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(_alias.Id));
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            ["Bearer " + Factory.OrganizationToken(Organization), "Bearer " + AliasToken(_alias).WithClaim("host", true).Encode()]).Should().BeTrue();

        using var response = await Anonymous.SendAsync(request);

        await ShouldBeRefusedAsync(response, "malformed", _alias, string.Empty);
    }

    private async Task AssertAlgNoneUnsignedIsRefusedAsync(string alg)
    {
        var token = AliasToken(_alias).WithHeader("alg", alg).WithClaim("host", true).Unsigned().Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "malformed", _alias, token);
    }

    private async Task AssertAlgNoneSignedIsRefusedAsync(string alg)
    {
        // Even with a genuine HMAC of the alias's own secret in the signature segment.
        var token = AliasToken(_alias).WithHeader("alg", alg).WithClaim("host", true).Encode();

        using var response = await RetrieveAsync(_alias.Id, token);

        await ShouldBeRefusedAsync(response, "unsupported_algorithm", _alias, token);
    }

    private string ValidPayload(string aliasId) =>
        $$"""{"alias":"{{aliasId}}","user_id":"attacker","host":true,"iat":{{Factory.Now}},"exp":{{Factory.Now + 3600}}}""";

    /// <summary>
    /// A valid token whose payload segment contains <paramref name="c"/>. In ASCII JSON, base64url "-" (62) and "_" (63)
    /// only come from a byte ending in 0x3E ("&gt;") or 0x3F ("?") at the last place of a 3-byte group: three in a row
    /// guarantee one there, whatever the alignment.
    /// </summary>
    private string ValidTokenWhosePayloadEncodingContains(char c)
    {
        var token = AliasToken(_alias).WithRawClaim("user_id", "\"???>>>\"").Encode();
        token.Split('.')[1].Should().Contain(c.ToString());
        return token;
    }

    private static string SwapCase(string text) =>
        string.Concat(text.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));
}
