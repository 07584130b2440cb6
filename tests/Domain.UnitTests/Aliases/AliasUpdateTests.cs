using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasUpdateTests
{
    private FakeTimeProvider _clock = null!;
    private Alias _alias = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _alias = TestAliases.Create(_clock);
    }

    // Absent = unchanged.

    [Test]
    public void Update_WithNoFieldsPresent_LeavesEveryFieldUnchanged()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        _alias.Update(new AliasChanges(), _clock);

        _alias.ViewFor(AliasViewer.Owner).Should().Be(before with { Version = _alias.Version });
    }

    [Test]
    public void Update_WithOnlyNamePresent_ChangesNameAndLeavesTheRestUnchanged()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        _alias.Update(new AliasChanges { Name = "Renamed" }, _clock);

        _alias.ViewFor(AliasViewer.Owner).Should().Be(before with { Name = "Renamed", Version = _alias.Version });
    }

    [Test]
    public void Update_WithEveryFieldPresent_ChangesEveryField()
    {
        var newExpiry = TestClock.StartSeconds + 7200;
        var newSecret = Text.Ascii(40);

        _alias.Update(
            new AliasChanges
            {
                Type = AliasType.Live,
                Name = "New name",
                Passcode = "9876",
                JwtSecret = newSecret,
                StreamKey = "new-stream",
                ExpiredAt = newExpiry,
            },
            _clock);

        _alias.Should().BeEquivalentTo(new
        {
            Type = AliasType.Live,
            Name = "New name",
            Passcode = "9876",
            JwtSecret = newSecret,
            StreamKey = "new-stream",
            ExpiredAt = newExpiry,
        });
    }

    [Test]
    public void Update_Always_KeepsIdOrganizationAndInsertedAt()
    {
        var (id, organizationId, insertedAt) = (_alias.Id, _alias.OrganizationId, _alias.InsertedAt);
        _clock.Advance(TimeSpan.FromMinutes(5));

        _alias.Update(new AliasChanges { Name = "Renamed", ExpiredAt = _clock.NowSeconds() + 60 }, _clock);

        _alias.Should().BeEquivalentTo(new { Id = id, OrganizationId = organizationId, InsertedAt = insertedAt });
    }

    // Present null = cleared.

    [Test]
    public void Update_WithNameNull_ClearsName()
    {
        _alias.Update(new AliasChanges { Name = new Optional<string?>(null) }, _clock);

        _alias.Name.Should().BeNull();
    }

    [Test]
    public void Update_WithPasscodeNull_ClearsPasscode()
    {
        _alias.Update(new AliasChanges { Passcode = new Optional<string?>(null) }, _clock);

        _alias.Passcode.Should().BeNull();
    }

    [Test]
    public void Update_WithJwtSecretNull_ClearsJwtSecret()
    {
        _alias.Update(new AliasChanges { JwtSecret = new Optional<string?>(null) }, _clock);

        _alias.JwtSecret.Should().BeNull();
    }

    [Test]
    public void Update_WithStreamKeyNull_ClearsStreamKey()
    {
        _alias.Update(new AliasChanges { StreamKey = new Optional<string?>(null) }, _clock);

        _alias.StreamKey.Should().BeNull();
    }

    [Test]
    public void Update_ClearingOneField_LeavesTheOtherSecretsUnchanged()
    {
        _alias.Update(new AliasChanges { Passcode = new Optional<string?>(null) }, _clock);

        _alias.Should().BeEquivalentTo(new { JwtSecret = TestAliases.JwtSecret, StreamKey = TestAliases.StreamKey, Name = TestAliases.Name });
    }

    // Every rule of section 3 applies on update too.

    private static IEnumerable<TestCaseData> InvalidChanges()
    {
        yield return new TestCaseData(new AliasChanges { Name = string.Empty }, "name").SetName("Update_WithEmptyName_ThrowsForName");
        yield return new TestCaseData(new AliasChanges { Name = Text.Ascii(201) }, "name").SetName("Update_WithNameOf201Characters_ThrowsForName");
        yield return new TestCaseData(new AliasChanges { Passcode = "abc" }, "passcode").SetName("Update_WithPasscodeOf3Characters_ThrowsForPasscode");
        yield return new TestCaseData(new AliasChanges { Passcode = Text.Ascii(65) }, "passcode").SetName("Update_WithPasscodeOf65Characters_ThrowsForPasscode");
        yield return new TestCaseData(new AliasChanges { JwtSecret = Text.Ascii(31) }, "jwt_secret").SetName("Update_WithJwtSecretOf31Bytes_ThrowsForJwtSecret");
        yield return new TestCaseData(new AliasChanges { JwtSecret = Text.Repeat(Text.TwoByteLetter, 15) + "a" }, "jwt_secret").SetName("Update_WithMultiByteJwtSecretOf31Bytes_ThrowsForJwtSecret");
        yield return new TestCaseData(new AliasChanges { JwtSecret = Text.Ascii(513) }, "jwt_secret").SetName("Update_WithJwtSecretOf513Bytes_ThrowsForJwtSecret");
        yield return new TestCaseData(new AliasChanges { StreamKey = string.Empty }, "stream_key").SetName("Update_WithEmptyStreamKey_ThrowsForStreamKey");
        yield return new TestCaseData(new AliasChanges { StreamKey = Text.Ascii(257) }, "stream_key").SetName("Update_WithStreamKeyOf257Characters_ThrowsForStreamKey");
        yield return new TestCaseData(new AliasChanges { ExpiredAt = TestClock.StartSeconds }, "expired_at").SetName("Update_WithExpiryNow_ThrowsForExpiredAt");
        yield return new TestCaseData(new AliasChanges { ExpiredAt = TestClock.StartSeconds - 60 }, "expired_at").SetName("Update_WithExpiryInThePast_ThrowsForExpiredAt");
    }

    [TestCaseSource(nameof(InvalidChanges))]
    public void Update_WithInvalidField_ThrowsForThatFieldOnly(AliasChanges changes, string field)
    {
        var act = () => _alias.Update(changes, _clock);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal(field);
    }

    [Test]
    public void Update_WithExpiryInMilliseconds_ThrowsWithSecondsNotMillisecondsReason()
    {
        var changes = new AliasChanges { ExpiredAt = (TestClock.Start + TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() };

        var act = () => _alias.Update(changes, _clock);

        act.Should().Throw<DomainValidationException>()
            .Which.Errors["expired_at"].Should().ContainSingle().Which.Should().Contain("seconds, not milliseconds");
    }

    [Test]
    public void Update_WithExpiryThatWasFutureAtCreationButIsPastNow_Throws()
    {
        _clock.Advance(TimeSpan.FromHours(2));

        var act = () => _alias.Update(new AliasChanges { ExpiredAt = TestClock.StartSeconds + 1800 }, _clock);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("expired_at");
    }

    [Test]
    public void Update_OfAnExpiredAliasExtendingTheExpiry_Succeeds()
    {
        _clock.Advance(TimeSpan.FromHours(2));
        var extended = _clock.NowSeconds() + 3600;

        _alias.Update(new AliasChanges { ExpiredAt = extended }, _clock);

        _alias.ExpiredAt.Should().Be(extended);
    }

    [Test]
    public void Update_WithSeveralInvalidFields_ReportsThemAllAtOnce()
    {
        var changes = new AliasChanges
        {
            Name = string.Empty,
            Passcode = "abc",
            JwtSecret = "short",
            StreamKey = Text.Ascii(257),
            ExpiredAt = TestClock.StartSeconds - 1,
        };

        var act = () => _alias.Update(changes, _clock);

        act.Should().Throw<DomainValidationException>()
            .Which.Errors.Keys.Should().BeEquivalentTo("name", "passcode", "jwt_secret", "stream_key", "expired_at");
    }

    [Test]
    public void Update_WithOneInvalidFieldAmongValidOnes_ChangesNothingAtAll()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);
        var changes = new AliasChanges
        {
            Type = AliasType.Live,
            Name = "Valid new name",
            Passcode = new Optional<string?>(null),
            StreamKey = "valid-stream",
            ExpiredAt = TestClock.StartSeconds + 9000,
            JwtSecret = "too short",
        };

        var act = () => _alias.Update(changes, _clock);

        act.Should().Throw<DomainValidationException>();
        _alias.ViewFor(AliasViewer.Owner).Should().Be(before);
    }

    [Test]
    public void Update_WithInvalidField_KeepsTheVersion()
    {
        var version = _alias.Version;

        var act = () => _alias.Update(new AliasChanges { Passcode = "abc" }, _clock);

        act.Should().Throw<DomainValidationException>();
        _alias.Version.Should().Be(version);
    }

    [Test]
    public void Update_WithValidChanges_ChangesTheVersion()
    {
        var version = _alias.Version;

        _alias.Update(new AliasChanges { Name = "Renamed" }, _clock);

        _alias.Version.Should().NotBe(version).And.NotBeEmpty();
    }

    [Test]
    public void Update_Twice_GivesADifferentVersionEachTime()
    {
        _alias.Update(new AliasChanges { Name = "First" }, _clock);
        var afterFirst = _alias.Version;

        _alias.Update(new AliasChanges { Name = "Second" }, _clock);

        _alias.Version.Should().NotBe(afterFirst);
    }

    [Test]
    public void Update_WithNullChanges_ThrowsArgumentNullException()
    {
        var act = () => _alias.Update(null!, _clock);

        act.Should().Throw<ArgumentNullException>();
    }
}
