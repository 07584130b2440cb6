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
            TestClock.StartSeconds,
            _alias.Version));
    }

    [Test]
    public void ViewFor_Owner_CarriesTheCurrentVersion()
    {
        var before = _alias.ViewFor(AliasViewer.Owner).Version;

        _alias.Update(new AliasChanges { Name = "renamed" }, TestClock.Create());

        var after = _alias.ViewFor(AliasViewer.Owner).Version;
        before.Should().NotBeNull();
        after.Should().Be(_alias.Version);
        after.Should().NotBe(before!.Value);
    }

    [TestCase(AliasViewer.Host)]
    [TestCase(AliasViewer.Public)]
    public void ViewFor_AnyoneButTheOwner_HasNoVersion(AliasViewer viewer)
    {
        _alias.ViewFor(viewer).Version.Should().BeNull();
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
