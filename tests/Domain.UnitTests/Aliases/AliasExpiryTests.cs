using AliasService.Domain.Aliases;
using AliasService.Domain.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasExpiryTests
{
    private FakeTimeProvider _clock = null!;
    private Alias _alias = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _alias = TestAliases.Create(_clock, expiredAt: TestClock.StartSeconds + 100);
    }

    [Test]
    public void IsExpired_RightAfterCreation_ReturnsFalse()
    {
        _alias.IsExpired(_clock).Should().BeFalse();
    }

    [Test]
    public void IsExpired_OneSecondBeforeExpiredAt_ReturnsFalse()
    {
        _clock.Advance(TimeSpan.FromSeconds(99));

        _alias.IsExpired(_clock).Should().BeFalse();
    }

    [Test]
    public void IsExpired_OneMillisecondBeforeExpiredAt_ReturnsFalse()
    {
        _clock.Advance(TimeSpan.FromSeconds(100) - TimeSpan.FromMilliseconds(1));

        _alias.IsExpired(_clock).Should().BeFalse();
    }

    [Test]
    public void IsExpired_ExactlyAtExpiredAt_ReturnsTrue()
    {
        _clock.Advance(TimeSpan.FromSeconds(100));

        _alias.IsExpired(_clock).Should().BeTrue();
    }

    [Test]
    public void IsExpired_AfterExpiredAt_ReturnsTrue()
    {
        _clock.Advance(TimeSpan.FromDays(30));

        _alias.IsExpired(_clock).Should().BeTrue();
    }

    [Test]
    public void IsExpired_AfterTheExpiryWasExtended_ReturnsFalse()
    {
        _clock.Advance(TimeSpan.FromSeconds(150));
        _alias.Update(new AliasChanges { ExpiredAt = _clock.NowSeconds() + 10 }, _clock);

        _alias.IsExpired(_clock).Should().BeFalse();
    }
}
