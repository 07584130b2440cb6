using AliasService.Domain.Organizations;
using AliasService.Domain.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Domain.UnitTests.Organizations;

[TestFixture]
public sealed class ApiKeyTests
{
    private FakeTimeProvider _clock = null!;
    private ApiKey _key = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _key = Organization.Create("Acme", _clock).ApiKeys.Single();
    }

    [Test]
    public void NewKey_IsActiveNeverUsedAndCreatedNow()
    {
        _key.Should().BeEquivalentTo(new
        {
            IsLasting = true,
            RevokedAt = (long?)null,
            LastUsedAt = (long?)null,
            CreatedAt = TestClock.StartSeconds,
        });
    }

    [Test]
    public void MarkUsed_FirstTime_RecordsTheTimeAndReturnsTrue()
    {
        _clock.Advance(TimeSpan.FromSeconds(5));

        var recorded = _key.MarkUsed(_clock);

        recorded.Should().BeTrue();
        _key.LastUsedAt.Should().Be(TestClock.StartSeconds + 5);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(59)]
    public void MarkUsed_AgainWithinAMinute_ReturnsFalseAndKeepsTheFirstTime(int secondsLater)
    {
        _key.MarkUsed(_clock);
        _clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var recorded = _key.MarkUsed(_clock);

        recorded.Should().BeFalse();
        _key.LastUsedAt.Should().Be(TestClock.StartSeconds);
    }

    [TestCase(60)]
    [TestCase(3600)]
    public void MarkUsed_AgainAfterAMinuteOrMore_RecordsTheNewTimeAndReturnsTrue(int secondsLater)
    {
        _key.MarkUsed(_clock);
        _clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var recorded = _key.MarkUsed(_clock);

        recorded.Should().BeTrue();
        _key.LastUsedAt.Should().Be(TestClock.StartSeconds + secondsLater);
    }

    [Test]
    public void MarkUsed_ManyTimesWithinAMinute_RecordsOnlyOnce()
    {
        var recordings = 0;
        for (var i = 0; i < 60; i++)
        {
            recordings += _key.MarkUsed(_clock) ? 1 : 0;
            _clock.Advance(TimeSpan.FromMilliseconds(900));
        }

        recordings.Should().Be(1);
    }

    [Test]
    public void IsWellFormedId_OfAnIssuedKey_IsTrue()
    {
        ApiKey.IsWellFormedId(_key.Id).Should().BeTrue();
    }

    [TestCase(null)]
    [TestCase("AAAAAAAAAAAAAAAA")]
    [TestCase("ak_AAAAAAAAAAAAAAA")]
    [TestCase("ak_AAAAAAAAAAAAAAAAA")]
    [TestCase("jwk_AAAAAAAAAAAAAAAA")]
    [TestCase("AK_AAAAAAAAAAAAAAAA")]
    public void IsWellFormedId_OfAnythingElse_IsFalse(string? id)
    {
        ApiKey.IsWellFormedId(id).Should().BeFalse();
    }
}
