using System.Text.Json;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.IntegrationTests.TestSupport;
using AliasService.Infrastructure.Security;

namespace AliasService.Infrastructure.IntegrationTests.Security;

[TestFixture]
public sealed class JwtStructureTests
{
    private const string Payload = "{\"alias\":\"abc\",\"exp\":1900000000}";
    private const string Signature = "c2lnbmF0dXJl";

    private static string Token(string headerJson = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", string payloadJson = Payload) =>
        $"{TestTokens.SigningInput(headerJson, payloadJson)}.{Signature}";

    private static JwtStructure Parse(string token) =>
        JwtStructure.TryParse(token, out var structure, out var refusal) ? structure : throw new AssertionException($"Refused: {refusal.Reason}");

    private static CredentialRefusal Refusal(string token)
    {
        JwtStructure.TryParse(token, out var structure, out var refusal).Should().BeFalse();
        structure.Should().BeNull();
        return refusal!;
    }

    private static string Rejected(string token) => Refusal(token).Reason;

    [Test]
    public void Parse_WellFormedToken_ExposesAlgorithmKeyIdAndPayload()
    {
        var structure = Parse(Token("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"jwk_1\"}"));

        structure.Algorithm.Should().Be("RS256");
        structure.KeyId.Should().Be("jwk_1");
        structure.Payload.GetProperty("alias").GetString().Should().Be("abc");
        structure.Payload.GetProperty("exp").GetInt64().Should().Be(1_900_000_000);
    }

    [Test]
    public void Parse_HeaderWithInvalidUtf8InAString_IsMalformed()
    {
        var header = System.Buffers.Text.Base64Url.EncodeToString([.. "{\"alg\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        var payload = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(Payload));

        Rejected($"{header}.{payload}.{Signature}").Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_HeaderWithAlgOnly_IsAccepted()
    {
        var structure = Parse(Token("{\"alg\":\"HS256\"}"));

        structure.Algorithm.Should().Be("HS256");
        structure.KeyId.Should().BeNull();
    }

    // Segments.

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(5)]
    public void Parse_WithOtherThanThreeSegments_IsMalformed(int count)
    {
        var segments = Enumerable.Repeat(TestTokens.Encode("{\"alg\":\"HS256\"}"), count);

        Rejected(string.Join('.', segments)).Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_FiveSegmentJwe_IsMalformed()
    {
        var header = TestTokens.Encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}");

        Rejected($"{header}..aXY.Y2lwaGVydGV4dA.dGFn").Should().Be(TokenFailureReason.Malformed);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Parse_WithAnEmptySegment_IsMalformed(int empty)
    {
        var segments = Token().Split('.');
        segments[empty] = string.Empty;

        Rejected(string.Join('.', segments)).Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_UnsignedTokenWithEmptySignature_IsMalformed()
    {
        Rejected($"{TestTokens.SigningInput("{\"alg\":\"none\"}", Payload)}.").Should().Be(TokenFailureReason.Malformed);
    }

    // Size.

    [Test]
    public void Parse_TokenOfExactlyTheMaximumLength_IsAccepted()
    {
        var token = TokenOfLength(JwtStructure.MaxTokenLength);

        var act = () => Parse(token);

        token.Length.Should().Be(8 * 1024);
        act.Should().NotThrow();
    }

    [Test]
    public void Parse_TokenOneCharacterOverTheMaximum_IsRefusedAsTooLong()
    {
        Rejected(TokenOfLength(JwtStructure.MaxTokenLength + 1)).Should().Be(TokenFailureReason.TokenTooLong);
    }

    [Test]
    public void Parse_HugeToken_IsRefusedAsTooLongBeforeAnyDecoding()
    {
        Rejected(new string('.', 1_000_000)).Should().Be(TokenFailureReason.TokenTooLong);
    }

    /// <summary>A structurally valid token of exactly <paramref name="length"/> characters (the signature segment fills up).</summary>
    private static string TokenOfLength(int length)
    {
        for (var pad = 0; ; pad++)
        {
            var prefix = TestTokens.SigningInput("{\"alg\":\"HS256\"}", $"{{\"pad\":\"{new string('p', pad)}\"}}") + ".";
            var signatureLength = length - prefix.Length;
            if (signatureLength % 4 != 1)
            {
                return prefix + new string('A', signatureLength);
            }
        }
    }

    // Base64url only.

    [TestCase("=")]
    [TestCase("==")]
    public void Parse_WithBase64Padding_IsMalformed(string padding)
    {
        var segments = Token().Split('.');

        Rejected($"{segments[0]}.{segments[1]}{padding}.{segments[2]}").Should().Be(TokenFailureReason.Malformed);
    }

    [TestCase('+')]
    [TestCase('/')]
    [TestCase(' ')]
    [TestCase('\n')]
    [TestCase('%')]
    [TestCase('é')]
    public void Parse_WithACharacterOutsideBase64Url_IsMalformed(char character)
    {
        var segments = Token().Split('.');

        Rejected($"{segments[0]}.{segments[1]}.{character}{segments[2]}").Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_WithASegmentWhoseLengthNoBase64CanHave_IsMalformed()
    {
        var segments = Token().Split('.');

        Rejected($"{segments[0]}.{segments[1]}.AAAAA").Should().Be(TokenFailureReason.Malformed);
    }

    // Header members.

    [TestCase("crit", "[\"exp\"]")]
    [TestCase("jku", "\"https://attacker.example/jwks.json\"")]
    [TestCase("jwk", "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}")]
    [TestCase("x5u", "\"https://attacker.example/cert.pem\"")]
    [TestCase("x5c", "[\"MIIB\"]")]
    [TestCase("b64", "false")]
    [TestCase("cty", "\"JWT\"")]
    [TestCase("zip", "\"DEF\"")]
    [TestCase("enc", "\"A256GCM\"")]
    [TestCase("Alg", "\"HS256\"")]
    public void Parse_HeaderWithAMemberOtherThanAlgTypKid_IsRefusedAsUnsupportedHeader(string member, string value)
    {
        Rejected(Token($"{{\"alg\":\"HS256\",\"{member}\":{value}}}")).Should().Be(TokenFailureReason.UnsupportedHeader);
    }

    [TestCase("JWT")]
    [TestCase("jwt")]
    public void Parse_TypJwt_IsAcceptedCaseInsensitivelyAsRfc7515Recommends(string typ)
    {
        var act = () => Parse(Token($"{{\"alg\":\"HS256\",\"typ\":\"{typ}\"}}"));

        act.Should().NotThrow();
    }

    [TestCase("\"JOSE\"")]
    [TestCase("\"at+jwt\"")]
    [TestCase("\"application/jwt\"")]
    [TestCase("\"\"")]
    [TestCase("null")]
    [TestCase("1")]
    public void Parse_TypOtherThanJwt_IsRefusedAsUnsupportedHeader(string typ)
    {
        Rejected(Token($"{{\"alg\":\"HS256\",\"typ\":{typ}}}")).Should().Be(TokenFailureReason.UnsupportedHeader);
    }

    [Test]
    public void Parse_KidOf128Characters_IsAccepted()
    {
        var kid = new string('k', 128);

        Parse(Token($"{{\"alg\":\"RS256\",\"kid\":\"{kid}\"}}")).KeyId.Should().Be(kid);
    }

    [TestCase("\"\"")]
    [TestCase("null")]
    [TestCase("42")]
    [TestCase("[\"jwk_1\"]")]
    public void Parse_KidThatIsNotANonEmptyString_IsRefusedAsUnsupportedHeader(string kid)
    {
        Rejected(Token($"{{\"alg\":\"RS256\",\"kid\":{kid}}}")).Should().Be(TokenFailureReason.UnsupportedHeader);
    }

    [Test]
    public void Parse_KidOver128Characters_IsRefusedAsUnsupportedHeader()
    {
        Rejected(Token($"{{\"alg\":\"RS256\",\"kid\":\"{new string('k', 129)}\"}}")).Should().Be(TokenFailureReason.UnsupportedHeader);
    }

    // alg.

    [TestCase("{\"typ\":\"JWT\"}")]
    [TestCase("{}")]
    [TestCase("{\"alg\":\"\"}")]
    public void Parse_WithoutAlg_IsMalformed(string header)
    {
        Rejected(Token(header)).Should().Be(TokenFailureReason.Malformed);
    }

    [TestCase("null")]
    [TestCase("256")]
    [TestCase("[\"HS256\"]")]
    public void Parse_AlgThatIsNotAString_IsRefused(string alg)
    {
        Rejected(Token($"{{\"alg\":{alg}}}")).Should().Be(TokenFailureReason.UnsupportedHeader);
    }

    [Test]
    public void Parse_AlgNone_IsLeftToTheVerifierToRefuse()
    {
        // Structure alone does not judge algorithms: the verifier maps alg to a key and refuses "none" there.
        Parse(Token("{\"alg\":\"none\"}")).Algorithm.Should().Be("none");
    }

    // Duplicate members.

    [Test]
    public void Parse_HeaderRepeatingAlg_IsMalformed()
    {
        Rejected(Token("{\"alg\":\"RS256\",\"alg\":\"HS256\"}")).Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_HeaderRepeatingKid_IsMalformed()
    {
        Rejected(Token("{\"alg\":\"RS256\",\"kid\":\"a\",\"kid\":\"b\"}")).Should().Be(TokenFailureReason.Malformed);
    }

    [TestCase("{\"alias\":\"abc\",\"alias\":\"other\",\"exp\":1900000000}")]
    [TestCase("{\"alias\":\"abc\",\"exp\":1,\"exp\":1900000000}")]
    [TestCase("{\"alias\":\"abc\",\"nested\":{\"a\":1,\"a\":2}}")]
    public void Parse_PayloadRepeatingAMember_IsMalformed(string payload)
    {
        Rejected(Token(payloadJson: payload)).Should().Be(TokenFailureReason.Malformed);
    }

    // JSON objects only.

    [TestCase("[\"alg\",\"HS256\"]")]
    [TestCase("\"HS256\"")]
    [TestCase("null")]
    [TestCase("42")]
    [TestCase("not json")]
    [TestCase("{\"alg\":\"HS256\"")]
    [TestCase("{\"alg\":\"HS256\"} {}")]
    public void Parse_HeaderThatIsNotOneJsonObject_IsMalformed(string header)
    {
        Rejected(Token(header)).Should().Be(TokenFailureReason.Malformed);
    }

    [TestCase("[]")]
    [TestCase("[{\"alias\":\"abc\"}]")]
    [TestCase("\"abc\"")]
    [TestCase("1900000000")]
    [TestCase("true")]
    [TestCase("null")]
    [TestCase("")]
    [TestCase("{\"alias\":")]
    public void Parse_PayloadThatIsNotAJsonObject_IsMalformed(string payload)
    {
        var token = payload.Length == 0
            ? $"{TestTokens.Encode("{\"alg\":\"HS256\"}")}..{Signature}"
            : Token(payloadJson: payload);

        Rejected(token).Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_PayloadWithANonUtf8ByteOutsideAString_IsMalformed()
    {
        var payload = TestTokens.Encode([(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', 0xFF, (byte)'}']);

        Rejected($"{TestTokens.Encode("{\"alg\":\"HS256\"}")}.{payload}.{Signature}").Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_PayloadNestedDeeperThan16_IsMalformed()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 20)) + "1" + new string('}', 20);

        Rejected(Token(payloadJson: deep)).Should().Be(TokenFailureReason.Malformed);
    }

    [Test]
    public void Parse_Refusal_NeverQuotesTheToken()
    {
        var token = Token("{\"alg\":\"HS256\",\"jku\":\"https://attacker.example/jwks.json\"}");
        var segments = token.Split('.');

        var message = Refusal(token).Description;
        message.Should().NotContain(segments[0]).And.NotContain(segments[1]).And.NotContain("attacker");
    }

    [Test]
    public void Parse_Payload_SurvivesTheParseAsAnIndependentCopy()
    {
        var structure = Parse(Token());

        structure.Payload.ValueKind.Should().Be(JsonValueKind.Object);
        structure.Payload.GetRawText().Should().Be(Payload);
    }
}
