using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasProtectionTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp() => _clock = TestClock.Create();

    [Test]
    public void IsProtected_WithNeitherPasscodeNorJwtSecret_ReturnsFalse()
    {
        var alias = TestAliases.Create(_clock, passcode: null, jwtSecret: null);

        alias.IsProtected.Should().BeFalse();
    }

    [Test]
    public void IsProtected_WithOnlyAStreamKey_ReturnsFalse()
    {
        var alias = TestAliases.Create(_clock, passcode: null, jwtSecret: null, streamKey: "stream");

        alias.IsProtected.Should().BeFalse();
    }

    [Test]
    public void IsProtected_WithPasscodeOnly_ReturnsTrue()
    {
        var alias = TestAliases.Create(_clock, jwtSecret: null);

        alias.IsProtected.Should().BeTrue();
    }

    [Test]
    public void IsProtected_WithJwtSecretOnly_ReturnsTrue()
    {
        var alias = TestAliases.Create(_clock, passcode: null);

        alias.IsProtected.Should().BeTrue();
    }

    [Test]
    public void IsProtected_WithBoth_ReturnsTrue()
    {
        var alias = TestAliases.Create(_clock);

        alias.IsProtected.Should().BeTrue();
    }

    [Test]
    public void IsProtected_AfterBothCredentialsAreCleared_ReturnsFalse()
    {
        var alias = TestAliases.Create(_clock);

        alias.Update(new AliasChanges { Passcode = new Optional<string?>(null), JwtSecret = new Optional<string?>(null) }, _clock);

        alias.IsProtected.Should().BeFalse();
    }

    [Test]
    public void PasscodeMatches_WithTheRightPasscode_ReturnsTrue()
    {
        var alias = TestAliases.Create(_clock, passcode: "correct horse");

        alias.PasscodeMatches("correct horse").Should().BeTrue();
    }

    [Test]
    public void PasscodeMatches_WithTheRightMultiBytePasscode_ReturnsTrue()
    {
        var passcode = Text.Repeat(Text.Emoji, 4) + Text.TwoByteLetter;
        var alias = TestAliases.Create(_clock, passcode: passcode);

        alias.PasscodeMatches(passcode).Should().BeTrue();
    }

    [TestCase("correct horsf")]
    [TestCase("Correct horse")]
    [TestCase("correct horse ")]
    [TestCase("correct hors")]
    [TestCase("correct horse battery staple")]
    [TestCase("")]
    public void PasscodeMatches_WithAWrongPasscode_ReturnsFalse(string candidate)
    {
        var alias = TestAliases.Create(_clock, passcode: "correct horse");

        alias.PasscodeMatches(candidate).Should().BeFalse();
    }

    [Test]
    public void PasscodeMatches_WithNull_ReturnsFalse()
    {
        var alias = TestAliases.Create(_clock, passcode: "correct horse");

        alias.PasscodeMatches(null).Should().BeFalse();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("anything")]
    public void PasscodeMatches_WhenNoPasscodeIsSet_ReturnsFalse(string? candidate)
    {
        var alias = TestAliases.Create(_clock, passcode: null);

        alias.PasscodeMatches(candidate).Should().BeFalse();
    }

    [Test]
    public void PasscodeMatches_WithTheOldPasscodeAfterItChanged_ReturnsFalse()
    {
        var alias = TestAliases.Create(_clock, passcode: "old-passcode");
        alias.Update(new AliasChanges { Passcode = "new-passcode" }, _clock);

        alias.PasscodeMatches("old-passcode").Should().BeFalse();
    }
}
