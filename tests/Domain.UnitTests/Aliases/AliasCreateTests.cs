using System.Text;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasCreateTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp() => _clock = TestClock.Create();

    [Test]
    public void Create_WithValidFields_StoresEveryFieldAsGiven()
    {
        var expiredAt = TestClock.StartSeconds + 600;

        var alias = Alias.Create("org_1", AliasType.Live, "Town hall", "1234", TestAliases.JwtSecret, "sk-1", expiredAt, _clock);

        alias.Should().BeEquivalentTo(new
        {
            OrganizationId = "org_1",
            Type = AliasType.Live,
            Name = "Town hall",
            Passcode = "1234",
            JwtSecret = TestAliases.JwtSecret,
            StreamKey = "sk-1",
            ExpiredAt = expiredAt,
        });
    }

    [Test]
    public void Create_Always_SetsInsertedAtToTheClocksUnixSeconds()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(750));

        var alias = TestAliases.Create(_clock);

        alias.InsertedAt.Should().Be(TestClock.StartSeconds);
    }

    [Test]
    public void Create_WithNoOptionalFields_LeavesThemNull()
    {
        var alias = TestAliases.Create(_clock, name: null, passcode: null, jwtSecret: null, streamKey: null);

        alias.Should().BeEquivalentTo(new { Name = (string?)null, Passcode = (string?)null, JwtSecret = (string?)null, StreamKey = (string?)null });
    }

    [Test]
    public void Create_Always_SetsANonEmptyVersion()
    {
        var alias = TestAliases.Create(_clock);

        alias.Version.Should().NotBeEmpty();
    }

    [TestCase(null)]
    [TestCase("")]
    public void Create_WithoutOrganizationId_ThrowsArgumentException(string? organizationId)
    {
        var act = () => Alias.Create(organizationId!, AliasType.Conference, null, null, null, null, TestAliases.ExpiredAt, _clock);

        act.Should().Throw<ArgumentException>();
    }

    // name: 1–200 characters, counted in Unicode scalar values.

    [TestCase(1)]
    [TestCase(200)]
    public void Create_WithNameOfAllowedLength_Succeeds(int length)
    {
        var alias = TestAliases.Create(_clock, name: Text.Ascii(length));

        alias.Name.Should().HaveLength(length);
    }

    [TestCase(0)]
    [TestCase(201)]
    public void Create_WithNameOfDisallowedLength_ThrowsForName(int length)
    {
        var act = () => TestAliases.Create(_clock, name: Text.Ascii(length));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("name");
    }

    [Test]
    public void Create_WithNameOf200Emoji_SucceedsBecauseLengthCountsScalarValuesNotUtf16Units()
    {
        var name = Text.Repeat(Text.Emoji, 200);

        var alias = TestAliases.Create(_clock, name: name);

        alias.Name.Should().Be(name);
    }

    [Test]
    public void Create_WithNameOf201Emoji_ThrowsForName()
    {
        var act = () => TestAliases.Create(_clock, name: Text.Repeat(Text.Emoji, 201));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("name");
    }

    // passcode: 4–64 characters.

    [TestCase(4)]
    [TestCase(64)]
    public void Create_WithPasscodeOfAllowedLength_Succeeds(int length)
    {
        var alias = TestAliases.Create(_clock, passcode: Text.Ascii(length));

        alias.Passcode.Should().HaveLength(length);
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(65)]
    public void Create_WithPasscodeOfDisallowedLength_ThrowsForPasscode(int length)
    {
        var act = () => TestAliases.Create(_clock, passcode: Text.Ascii(length));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("passcode");
    }

    [Test]
    public void Create_WithPasscodeOfThreeEmoji_ThrowsForPasscodeEvenThoughItIsSixUtf16Units()
    {
        var act = () => TestAliases.Create(_clock, passcode: Text.Repeat(Text.Emoji, 3));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("passcode");
    }

    [Test]
    public void Create_WithPasscodeOf64Emoji_Succeeds()
    {
        var passcode = Text.Repeat(Text.Emoji, 64);

        var alias = TestAliases.Create(_clock, passcode: passcode);

        alias.Passcode.Should().Be(passcode);
    }

    // jwt_secret: 32–512 bytes in UTF-8.

    [TestCase(32)]
    [TestCase(512)]
    public void Create_WithJwtSecretOfAllowedByteCount_Succeeds(int bytes)
    {
        var alias = TestAliases.Create(_clock, jwtSecret: Text.Ascii(bytes));

        alias.JwtSecret.Should().HaveLength(bytes);
    }

    [Test]
    public void Create_WithJwtSecretOf31Bytes_ThrowsWithReasonNaming32BytesAndTheRfc()
    {
        var act = () => TestAliases.Create(_clock, jwtSecret: Text.Ascii(31));

        var errors = act.Should().Throw<DomainValidationException>().Which.Errors;
        errors.Keys.Should().Equal("jwt_secret");
        errors["jwt_secret"].Should().ContainSingle().Which.Should().Contain("at least 32 bytes").And.Contain("RFC 7518");
    }

    [Test]
    public void Create_WithJwtSecretOf16TwoByteLetters_SucceedsBecauseItIs32Utf8Bytes()
    {
        var secret = Text.Repeat(Text.TwoByteLetter, 16);

        var alias = TestAliases.Create(_clock, jwtSecret: secret);

        alias.JwtSecret.Should().Be(secret);
    }

    [Test]
    public void Create_WithMultiByteJwtSecretOf31Utf8Bytes_ThrowsForJwtSecret()
    {
        var secret = Text.Repeat(Text.TwoByteLetter, 15) + "a";
        Encoding.UTF8.GetByteCount(secret).Should().Be(31, "the test needs a 16-character, 31-byte secret");

        var act = () => TestAliases.Create(_clock, jwtSecret: secret);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("jwt_secret");
    }

    [Test]
    public void Create_WithJwtSecretOf513Bytes_ThrowsForJwtSecret()
    {
        var act = () => TestAliases.Create(_clock, jwtSecret: Text.Ascii(513));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("jwt_secret");
    }

    [Test]
    public void Create_WithJwtSecretOf257TwoByteLetters_ThrowsBecauseItIs514Utf8Bytes()
    {
        var act = () => TestAliases.Create(_clock, jwtSecret: Text.Repeat(Text.TwoByteLetter, 257));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("jwt_secret");
    }

    // stream_key: 1–256 characters.

    [TestCase(1)]
    [TestCase(256)]
    public void Create_WithStreamKeyOfAllowedLength_Succeeds(int length)
    {
        var alias = TestAliases.Create(_clock, streamKey: Text.Ascii(length));

        alias.StreamKey.Should().HaveLength(length);
    }

    [TestCase(0)]
    [TestCase(257)]
    public void Create_WithStreamKeyOfDisallowedLength_ThrowsForStreamKey(int length)
    {
        var act = () => TestAliases.Create(_clock, streamKey: Text.Ascii(length));

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("stream_key");
    }

    // expired_at: strictly in the future, in seconds.

    [Test]
    public void Create_WithExpiryOneSecondAhead_Succeeds()
    {
        var alias = TestAliases.Create(_clock, expiredAt: TestClock.StartSeconds + 1);

        alias.ExpiredAt.Should().Be(TestClock.StartSeconds + 1);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-86400)]
    public void Create_WithExpiryNowOrInThePast_ThrowsMustBeInTheFuture(int offsetSeconds)
    {
        var act = () => TestAliases.Create(_clock, expiredAt: TestClock.StartSeconds + offsetSeconds);

        var errors = act.Should().Throw<DomainValidationException>().Which.Errors;
        errors.Keys.Should().Equal("expired_at");
        errors["expired_at"].Should().ContainSingle().Which.Should().Contain("in the future");
    }

    [Test]
    public void Create_WithExpiryAtTheCurrentSecondWhileTheClockIsMidSecond_Throws()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(999));

        var act = () => TestAliases.Create(_clock, expiredAt: TestClock.StartSeconds);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("expired_at");
    }

    [Test]
    public void Create_WithExpiryInMilliseconds_ThrowsWithSecondsNotMillisecondsReason()
    {
        var expiredAtMilliseconds = (TestClock.Start + TimeSpan.FromHours(1)).ToUnixTimeMilliseconds();

        var act = () => TestAliases.Create(_clock, expiredAt: expiredAtMilliseconds);

        var errors = act.Should().Throw<DomainValidationException>().Which.Errors;
        errors.Keys.Should().Equal("expired_at");
        errors["expired_at"].Should().ContainSingle().Which.Should().Contain("seconds, not milliseconds");
    }

    [Test]
    public void Create_WithExpiryJustAbove10To11_ThrowsWithSecondsNotMillisecondsReason()
    {
        var act = () => TestAliases.Create(_clock, expiredAt: 100_000_000_001);

        act.Should().Throw<DomainValidationException>()
            .Which.Errors["expired_at"].Should().ContainSingle().Which.Should().Contain("seconds, not milliseconds");
    }

    [Test]
    public void Create_WithExpiryOfExactly10To11_SucceedsAsSeconds()
    {
        var alias = TestAliases.Create(_clock, expiredAt: 100_000_000_000);

        alias.ExpiredAt.Should().Be(100_000_000_000);
    }

    // All rules at once.

    [Test]
    public void Create_WithEveryFieldInvalid_ReportsEveryBrokenRuleByWireFieldName()
    {
        var act = () => Alias.Create(
            "org_1",
            AliasType.Conference,
            name: string.Empty,
            passcode: "abc",
            jwtSecret: "short",
            streamKey: string.Empty,
            expiredAt: TestClock.StartSeconds - 1,
            _clock);

        act.Should().Throw<DomainValidationException>()
            .Which.Errors.Keys.Should().BeEquivalentTo("name", "passcode", "jwt_secret", "stream_key", "expired_at");
    }

    [Test]
    public void Create_WithInvalidField_ThrowsADomainException()
    {
        var act = () => TestAliases.Create(_clock, passcode: "abc");

        act.Should().Throw<DomainException>().WithMessage("*invalid*");
    }
}
