using System.Buffers.Text;
using System.Text;
using AliasService.Application.Common.Paging;
using AliasService.Application.UnitTests.TestSupport;

namespace AliasService.Application.UnitTests.Common.Paging;

[TestFixture]
public sealed class KeysetCursorTests
{
    private static string Base64UrlOf(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    [TestCase(1_900_000_000L, "AbC-_12345678901")]
    [TestCase(0L, "x")]
    [TestCase(long.MaxValue, "id:with:colons")]
    public void Encode_ThenTryDecode_RoundTrips(long insertedAt, string id)
    {
        var cursor = new KeysetCursor(insertedAt, id);

        var decoded = KeysetCursor.TryDecode(cursor.Encode(), out var roundTripped);

        decoded.Should().BeTrue();
        roundTripped.Should().Be(cursor);
    }

    [Test]
    public void Encode_Always_IsUrlSafe()
    {
        var encoded = new KeysetCursor(1_900_000_000, "AbC-_12345678901").Encode();

        encoded.Should().MatchRegex("^[A-Za-z0-9_-]+$");
    }

    private static IEnumerable<TestCaseData> BadCursors()
    {
        yield return new TestCaseData(null).SetName("TryDecode_Null_ReturnsFalse");
        yield return new TestCaseData(string.Empty).SetName("TryDecode_Empty_ReturnsFalse");
        yield return new TestCaseData("not a cursor!").SetName("TryDecode_NotBase64Url_ReturnsFalse");
        yield return new TestCaseData("abc+/def").SetName("TryDecode_StandardBase64Alphabet_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf("12345")).SetName("TryDecode_WithoutColon_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf(":abc")).SetName("TryDecode_WithoutInsertedAt_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf("12345:")).SetName("TryDecode_WithoutId_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf("-5:abc")).SetName("TryDecode_WithNegativeInsertedAt_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf("12x:abc")).SetName("TryDecode_WithNonNumericInsertedAt_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf(" 12:abc")).SetName("TryDecode_WithWhitespaceInInsertedAt_ReturnsFalse");
        yield return new TestCaseData(Base64UrlOf("99999999999999999999:abc")).SetName("TryDecode_WithInsertedAtOverflowingLong_ReturnsFalse");
        yield return new TestCaseData(Base64Url.EncodeToString([0x31, 0x3A, 0xFF, 0xFE])).SetName("TryDecode_WithInvalidUtf8_ReturnsFalse");
        yield return new TestCaseData(new KeysetCursor(1, new string('a', 200)).Encode()).SetName("TryDecode_LongerThan200Characters_ReturnsFalse");
    }

    [TestCaseSource(nameof(BadCursors))]
    public void TryDecode_BadText_ReturnsFalseAndNoCursor(string? text)
    {
        var decoded = KeysetCursor.TryDecode(text, out var cursor);

        decoded.Should().BeFalse();
        cursor.Should().BeNull();
    }
}
