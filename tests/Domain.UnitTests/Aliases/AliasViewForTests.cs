using AliasService.Domain.Aliases;
using AliasService.Domain.UnitTests.TestSupport;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasViewForTests
{
    private Alias _alias = null!;

    [SetUp]
    public void SetUp() => _alias = TestAliases.Create(TestClock.Create(), type: AliasType.Live);

    [Test]
    public void ViewFor_Owner_ShowsEveryFieldAsStored()
    {
        var view = _alias.ViewFor(AliasViewer.Owner);

        view.Should().Be(new AliasView(
            _alias.Id,
            AliasType.Live,
            TestAliases.Name,
            TestAliases.Passcode,
            TestAliases.JwtSecret,
            TestAliases.StreamKey,
            TestAliases.ExpiredAt,
            TestClock.StartSeconds));
    }

    [Test]
    public void ViewFor_Host_ShowsStreamKeyButNeitherPasscodeNorJwtSecret()
    {
        var view = _alias.ViewFor(AliasViewer.Host);

        view.Should().Be(new AliasView(
            _alias.Id,
            AliasType.Live,
            TestAliases.Name,
            Passcode: null,
            JwtSecret: null,
            TestAliases.StreamKey,
            TestAliases.ExpiredAt,
            TestClock.StartSeconds));
    }

    [Test]
    public void ViewFor_Public_ShowsNoSecretAtAll()
    {
        var view = _alias.ViewFor(AliasViewer.Public);

        view.Should().Be(new AliasView(
            _alias.Id,
            AliasType.Live,
            TestAliases.Name,
            Passcode: null,
            JwtSecret: null,
            StreamKey: null,
            TestAliases.ExpiredAt,
            TestClock.StartSeconds));
    }

    [Test]
    public void ViewFor_UndefinedViewerValue_FailsClosedWithNoSecret()
    {
        var view = _alias.ViewFor((AliasViewer)42);

        view.Should().BeEquivalentTo(new { Passcode = (string?)null, JwtSecret = (string?)null, StreamKey = (string?)null });
    }

    [Test]
    public void ViewFor_DefaultViewer_IsThePublicView()
    {
        var view = _alias.ViewFor(default);

        view.Should().Be(_alias.ViewFor(AliasViewer.Public));
    }
}
