using AliasService.Domain.Common;
using AliasService.Domain.UnitTests.TestSupport;

namespace AliasService.Domain.UnitTests.Common;

[TestFixture]
public sealed class UnixTimeTests
{
    [Test]
    public void Now_MidSecond_TruncatesToTheWholeSecond()
    {
        var clock = TestClock.Create();
        clock.Advance(TimeSpan.FromMilliseconds(999));

        UnixTime.Now(clock).Should().Be(TestClock.StartSeconds);
    }

    [Test]
    public void Now_WithNullClock_ThrowsArgumentNullException()
    {
        var act = () => UnixTime.Now(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
