using System.Text.Json;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.Security;

namespace AliasService.Infrastructure.IntegrationTests.Security;

[TestFixture]
public sealed class TokenLifetimeTests
{
    private const long Now = 1_900_000_000;
    private const long Skew = 30;

    private static JsonElement Payload(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static long Check(string json, bool allowExpiresIn = true) =>
        TokenLifetime.TryCheck(Payload(json), Now, allowExpiresIn, out var expires, out var refusal) ? expires : throw new AssertionException($"Refused: {refusal.Reason}");

    private static CredentialRefusal Refusal(string json, bool allowExpiresIn = true)
    {
        TokenLifetime.TryCheck(Payload(json), Now, allowExpiresIn, out _, out var refusal).Should().BeFalse();
        return refusal!;
    }

    private static string Rejected(string json, bool allowExpiresIn = true) => Refusal(json, allowExpiresIn).Reason;

    [Test]
    public void ClockSkew_IsThirtySeconds()
    {
        TokenLifetime.ClockSkewSeconds.Should().Be(Skew);
    }

    // exp.

    [Test]
    public void Check_ExpInTheFuture_AnswersExp()
    {
        Check($"{{\"exp\":{Now + 600}}}").Should().Be(Now + 600);
    }

    [Test]
    public void Check_ExpExactlyNow_IsStillWithinTheSkew()
    {
        Check($"{{\"exp\":{Now}}}").Should().Be(Now);
    }

    [Test]
    public void Check_ExpOneSecondLessThanTheSkewAgo_IsAccepted()
    {
        Check($"{{\"exp\":{Now - Skew + 1}}}").Should().Be(Now - Skew + 1);
    }

    [Test]
    public void Check_ExpExactlyTheSkewAgo_IsExpired()
    {
        Rejected($"{{\"exp\":{Now - Skew}}}").Should().Be(TokenFailureReason.TokenExpired);
    }

    [Test]
    public void Check_ExpLongAgo_IsExpired()
    {
        Rejected("{\"exp\":1}").Should().Be(TokenFailureReason.TokenExpired);
    }

    // iat + expires_in.

    [Test]
    public void Check_IatPlusExpiresIn_AnswersTheirSum()
    {
        Check($"{{\"iat\":{Now - 100},\"expires_in\":3600}}").Should().Be(Now - 100 + 3600);
    }

    [Test]
    public void Check_IatPlusExpiresInOneSecondLessThanTheSkewAgo_IsAccepted()
    {
        Check($"{{\"iat\":{Now - 1000},\"expires_in\":{1000 - Skew + 1}}}").Should().Be(Now - Skew + 1);
    }

    [Test]
    public void Check_IatPlusExpiresInExactlyTheSkewAgo_IsExpired()
    {
        Rejected($"{{\"iat\":{Now - 1000},\"expires_in\":{1000 - Skew}}}").Should().Be(TokenFailureReason.TokenExpired);
    }

    [Test]
    public void Check_NegativeIatPlusExpiresIn_IsExpired()
    {
        Rejected("{\"iat\":-1,\"expires_in\":60}").Should().Be(TokenFailureReason.TokenExpired);
    }

    [Test]
    public void Check_IatPlusExpiresInWhenExpiresInIsNotAllowed_IsMissingExpiry()
    {
        // Organization tokens know only exp.
        Rejected($"{{\"iat\":{Now},\"expires_in\":3600}}", allowExpiresIn: false).Should().Be(TokenFailureReason.MissingExpiry);
    }

    [Test]
    public void Check_ExpWithExpiresInWhenExpiresInIsNotAllowed_IgnoresExpiresIn()
    {
        Check($"{{\"exp\":{Now + 600},\"iat\":{Now},\"expires_in\":60}}", allowExpiresIn: false).Should().Be(Now + 600);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-3600)]
    public void Check_ExpiresInNotPositive_IsAnInvalidClaim(long expiresIn)
    {
        Rejected($"{{\"iat\":{Now},\"expires_in\":{expiresIn}}}").Should().Be(TokenFailureReason.InvalidClaim);
    }

    [Test]
    public void Check_ExpiresInWithoutIat_IsMissingExpiry()
    {
        Rejected("{\"expires_in\":3600}").Should().Be(TokenFailureReason.MissingExpiry);
    }

    [Test]
    public void Check_ExpiresInWithoutIatNextToAValidExp_IsStillRefused()
    {
        // Both lifetimes must hold; expires_in counts from an issuance the token does not state, so it cannot hold.
        Rejected($"{{\"exp\":{Now + 600},\"expires_in\":3600}}").Should().Be(TokenFailureReason.MissingExpiry);
    }

    [Test]
    public void Check_ExpAtTheLargestInteger_IsFarFutureNotExpired()
    {
        Check($"{{\"exp\":{long.MaxValue}}}").Should().Be(long.MaxValue);
    }

    [Test]
    public void Check_ExpiresInThatWouldOverflow_IsFarFutureNotExpired()
    {
        Check($"{{\"iat\":{Now},\"expires_in\":{long.MaxValue}}}").Should().Be(long.MaxValue);
    }

    [Test]
    public void Check_ExpAtTheSmallestInteger_IsExpired()
    {
        Rejected($"{{\"exp\":{long.MinValue}}}").Should().Be(TokenFailureReason.TokenExpired);
    }

    // Both: the earlier decides.

    [Test]
    public void Check_ExpEarlierThanIatPlusExpiresIn_AnswersExp()
    {
        Check($"{{\"exp\":{Now + 60},\"iat\":{Now},\"expires_in\":3600}}").Should().Be(Now + 60);
    }

    [Test]
    public void Check_IatPlusExpiresInEarlierThanExp_AnswersIatPlusExpiresIn()
    {
        Check($"{{\"exp\":{Now + 3600},\"iat\":{Now},\"expires_in\":60}}").Should().Be(Now + 60);
    }

    [Test]
    public void Check_ExpPassedButIatPlusExpiresInAhead_IsExpired()
    {
        Rejected($"{{\"exp\":{Now - 3600},\"iat\":{Now - 60},\"expires_in\":3600}}").Should().Be(TokenFailureReason.TokenExpired);
    }

    [Test]
    public void Check_IatPlusExpiresInPassedButExpAhead_IsExpired()
    {
        Rejected($"{{\"exp\":{Now + 3600},\"iat\":{Now - 7200},\"expires_in\":3600}}").Should().Be(TokenFailureReason.TokenExpired);
    }

    // Neither.

    [TestCase("{}")]
    [TestCase("{\"alias\":\"abc\",\"host\":true}")]
    [TestCase("{\"nbf\":1800000000}")]
    public void Check_WithNeitherExpNorIatPlusExpiresIn_IsMissingExpiry(string json)
    {
        Rejected(json).Should().Be(TokenFailureReason.MissingExpiry);
    }

    [Test]
    public void Check_IatAlone_IsMissingExpiry()
    {
        Rejected($"{{\"iat\":{Now}}}").Should().Be(TokenFailureReason.MissingExpiry);
    }

    // nbf.

    [Test]
    public void Check_NbfInThePast_IsAccepted()
    {
        Check($"{{\"exp\":{Now + 600},\"nbf\":{Now - 600}}}").Should().Be(Now + 600);
    }

    [Test]
    public void Check_NbfExactlyTheSkewAhead_IsAccepted()
    {
        Check($"{{\"exp\":{Now + 600},\"nbf\":{Now + Skew}}}").Should().Be(Now + 600);
    }

    [Test]
    public void Check_NbfOneSecondBeyondTheSkew_IsNotYetValid()
    {
        Rejected($"{{\"exp\":{Now + 600},\"nbf\":{Now + Skew + 1}}}").Should().Be(TokenFailureReason.NotYetValid);
    }

    // iat in the future.

    [Test]
    public void Check_IatExactlyTheSkewAhead_IsAccepted()
    {
        Check($"{{\"exp\":{Now + 600},\"iat\":{Now + Skew}}}").Should().Be(Now + 600);
    }

    [Test]
    public void Check_IatOneSecondBeyondTheSkew_IsIssuedInTheFuture()
    {
        Rejected($"{{\"exp\":{Now + 600},\"iat\":{Now + Skew + 1}}}").Should().Be(TokenFailureReason.IssuedInFuture);
    }

    [Test]
    public void Check_IatFarInTheFutureWithExpiresIn_IsIssuedInTheFuture()
    {
        // A token "issued" next year with a short expires_in would otherwise be valid for a year.
        Rejected($"{{\"iat\":{Now + 31_536_000},\"expires_in\":60}}").Should().Be(TokenFailureReason.IssuedInFuture);
    }

    [Test]
    public void Check_IatInTheFutureWithoutAnyExpiry_IsIssuedInTheFuture()
    {
        Rejected($"{{\"iat\":{Now + 3600}}}").Should().Be(TokenFailureReason.IssuedInFuture);
    }

    // Raw JSON types: the library would coerce these; the service refuses them.

    [TestCase("\"1900000600\"")]
    [TestCase("1900000600.5")]
    [TestCase("1.5")]
    [TestCase("1900000600.0")]
    [TestCase("1e3")]
    [TestCase("1.9000006E9")]
    [TestCase("true")]
    [TestCase("null")]
    [TestCase("[1900000600]")]
    [TestCase("{\"value\":1900000600}")]
    [TestCase("1e30")]
    [TestCase("99999999999999999999")]
    public void Check_ExpThatIsNotAJsonInteger_IsAnInvalidClaim(string exp)
    {
        Rejected($"{{\"exp\":{exp}}}").Should().Be(TokenFailureReason.InvalidClaim);
    }

    [TestCase("nbf", "\"1\"")]
    [TestCase("nbf", "1.5")]
    [TestCase("iat", "\"1900000000\"")]
    [TestCase("iat", "1e3")]
    [TestCase("expires_in", "\"3600\"")]
    [TestCase("expires_in", "3600.0")]
    [TestCase("expires_in", "3.6e3")]
    public void Check_TimeClaimThatIsNotAJsonInteger_IsAnInvalidClaim(string claim, string value)
    {
        var json = claim == "iat"
            ? $"{{\"exp\":{Now + 600},\"iat\":{value}}}"
            : $"{{\"exp\":{Now + 600},\"iat\":{Now},\"{claim}\":{value}}}";

        Rejected(json).Should().Be(TokenFailureReason.InvalidClaim);
    }

    [Test]
    public void Check_ExpiresInAsAStringWhenExpiresInIsNotAllowed_IsNotEvenRead()
    {
        Check($"{{\"exp\":{Now + 600},\"expires_in\":\"soon\"}}", allowExpiresIn: false).Should().Be(Now + 600);
    }

    [Test]
    public void Check_NegativeZeroAndLeadingMinus_AreIntegers()
    {
        Check($"{{\"exp\":{Now + 600},\"nbf\":-0,\"iat\":-5}}").Should().Be(Now + 600);
    }

    [Test]
    public void Check_Refusal_SaysWhichClaimIsWrong()
    {
        Refusal("{\"exp\":\"tomorrow\"}").Description.Should().Match("*exp*integer*");
    }
}
