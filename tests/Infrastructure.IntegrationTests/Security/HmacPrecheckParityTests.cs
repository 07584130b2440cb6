using System.Text;
using AliasService.Infrastructure.IntegrationTests.TestSupport;
using AliasService.Infrastructure.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace AliasService.Infrastructure.IntegrationTests.Security;

/// <summary>
/// The verifier refuses a certainly wrong HMAC signature before asking Microsoft.IdentityModel. These tests hold it to
/// the library's own answer: for every token here, odd ones included, the signature verdict (and a refusal's reason) is
/// what <see cref="JsonWebTokenHandler"/> alone answers with the same key.
/// </summary>
[TestFixture]
public sealed class HmacPrecheckParityTests
{
    private const string AliasId = "alias-1";

    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal)
    {
        ["HS256"] = "0123456789abcdef0123456789abcdef",
        ["HS384"] = "0123456789abcdef0123456789abcdef0123456789abcdef",
        ["HS512"] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    };

    private static readonly string[] Payloads =
    [
        $$"""{"alias":"{{AliasId}}","exp":4102444800}""",
        "{}",
        """{"exp":1e400,"iat":-1e400}""",
        """{"exp":"soon","nbf":null,"iat":1.5}""",
        """{"alias":null,"host":"yes","user_id":42}""",
        """{"aud":["a","b"],"iss":{"nested":{"deeper":[1,[2,[3]]]}}}""",
        """{"name":"\u00e9\ud83d\ude00\u0000","exp":9223372036854775808}""",
        """{"a":[],"b":{},"c":true,"d":false,"e":null}""",
    ];

    private static readonly string[] Algorithms = ["HS256", "HS384", "HS512"];

    private AliasTokenVerifier _verifier = null!;

    [SetUp]
    public void SetUp() => _verifier = new AliasTokenVerifier(Mock.Of<IRegisteredJwtKeys>(), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000)));

    /// <summary>Signed with the alias secret, then with another key, then with its signature tampered in several ways.</summary>
    private static IEnumerable<TestCaseData> Tokens()
    {
        foreach (var alg in Algorithms)
        {
            var secret = Secrets[alg];
            foreach (var (payload, index) in Payloads.Select((p, i) => (p, i)))
            {
                var signed = TestTokens.Hmac(alg, secret, payload);
                var signature = signed[(signed.LastIndexOf('.') + 1)..];
                var input = signed[..signed.LastIndexOf('.')];
                yield return new TestCaseData(alg, signed).SetName($"{alg} payload {index} signed with the secret");
                yield return new TestCaseData(alg, TestTokens.Hmac(alg, secret.ToUpperInvariant(), payload)).SetName($"{alg} payload {index} signed with another secret");
                yield return new TestCaseData(alg, $"{input}.{signature[..^1]}{(signature[^1] == 'A' ? 'B' : 'A')}").SetName($"{alg} payload {index} last character changed");
                yield return new TestCaseData(alg, $"{input}.{signature[..^4]}").SetName($"{alg} payload {index} signature shortened");
                yield return new TestCaseData(alg, $"{input}.{signature}AAAA").SetName($"{alg} payload {index} signature lengthened");
                yield return new TestCaseData(alg, $"{input}.{TestTokens.Encode(new byte[signature.Length * 3 / 4])}").SetName($"{alg} payload {index} zero signature");
            }

            // Another algorithm's signature length, and the same signature bytes with other unused trailing bits.
            var token = TestTokens.Hmac(alg, secret, Payloads[0]);
            var other = TestTokens.Hmac(alg == "HS512" ? "HS256" : "HS512", Secrets["HS512"], Payloads[0]);
            yield return new TestCaseData(alg, $"{token[..token.LastIndexOf('.')]}.{other[(other.LastIndexOf('.') + 1)..]}").SetName($"{alg} another algorithm's signature length");
            if (alg != "HS384")
            {
                // 48 bytes fill whole base64url groups: HS384 signatures have no unused bits.
                yield return new TestCaseData(alg, WithOtherTrailingBits(token)).SetName($"{alg} signature with other unused trailing bits");
            }
        }
    }

    [TestCaseSource(nameof(Tokens))]
    public async Task Verify_AnswersTheSignatureAsTheLibraryAlone(string alg, string token)
    {
        var library = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secrets[alg])),
            ValidAlgorithms = [alg],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });

        var result = await _verifier.VerifyAsync(token, AliasTokenTarget.Offline(AliasId, Secrets[alg]), CancellationToken.None);

        if (library.IsValid)
        {
            result.Refusal?.Reason.Should().NotBe(TokenFailureReason.BadSignature, "the library accepts this signature");
            result.Key.Should().Be(AliasTokenVerifier.CurrentSecret);
        }
        else
        {
            var expected = LibraryFailures.Translate(library.Exception);
            result.IsValid.Should().BeFalse();
            result.Refusal!.Reason.Should().Be(expected.Reason);
            result.Refusal.Description.Should().Be(expected.Description);
        }
    }

    /// <summary>The token with its signature's last character's unused low bits set: the same bytes in non-canonical base64url.</summary>
    private static string WithOtherTrailingBits(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(text[^1], StringComparison.Ordinal);
        var unusedBits = ((text.Length - text.LastIndexOf('.') - 1) % 4) switch
        {
            2 => 0b1111,
            3 => 0b11,
            _ => throw new ArgumentException("This segment has no unused bits.", nameof(text)),
        };
        return text[..^1] + alphabet[last | unusedBits];
    }
}
