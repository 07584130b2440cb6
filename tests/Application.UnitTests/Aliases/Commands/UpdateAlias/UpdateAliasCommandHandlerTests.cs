using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.UpdateAlias;
using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Commands.UpdateAlias;

[TestFixture]
public sealed class UpdateAliasCommandHandlerTests
{
    private FakeTimeProvider _clock = null!;
    private Alias _alias = null!;
    private Mock<IAliasRepository> _aliases = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private UpdateAliasCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _alias = TestAliases.Create(_clock);
        _aliases = new Mock<IAliasRepository>();
        _aliases.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_alias);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new UpdateAliasCommandHandler(_aliases.Object, _unitOfWork.Object, _clock, TestMapper.Create());
    }

    private UpdateAliasCommand OwnCommand() => new(TestAliases.OrganizationId, _alias.Id);

    [Test]
    public async Task Handle_MissingAlias_ThrowsAliasNotFoundException()
    {
        var act = () => _handler.Handle(new UpdateAliasCommand(TestAliases.OrganizationId, "no-such-id") { Name = "x" }, CancellationToken.None);

        (await act.Should().ThrowAsync<AliasNotFoundException>()).Which.AliasId.Should().Be("no-such-id");
    }

    [TestCase("webinar")]
    [TestCase("Live")]
    [TestCase(null)]
    public async Task Handle_TypeThatIsNoAliasType_IsRefusedNamingTypeNeverTakenAsUnchanged(string? type)
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        var act = () => _handler.Handle(OwnCommand() with { Type = new Optional<string>(type!), Name = "renamed" }, CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("type")
            .WhoseValue.Should().Equal("must be \"conference\" or \"live\"");
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _alias.ViewFor(AliasViewer.Owner).Should().Be(before);
    }

    [Test]
    public async Task Handle_MissingAlias_NeverSaves()
    {
        var act = () => _handler.Handle(new UpdateAliasCommand(TestAliases.OrganizationId, "no-such-id") { Name = "x" }, CancellationToken.None);

        await act.Should().ThrowAsync<AliasNotFoundException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_AnotherOrganizationsAlias_ThrowsAliasNotFoundExceptionNeverSavesAndLeavesItUnchanged()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        var act = () => _handler.Handle(new UpdateAliasCommand("org_intruder", _alias.Id) { Name = "hijacked" }, CancellationToken.None);

        await act.Should().ThrowAsync<AliasNotFoundException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _alias.ViewFor(AliasViewer.Owner).Should().Be(before);
    }

    [Test]
    public async Task Handle_WithName_UpdatesTheAliasAndSavesOnce()
    {
        await _handler.Handle(OwnCommand() with { Name = "Renamed" }, CancellationToken.None);

        _alias.Name.Should().Be("Renamed");
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithName_ReturnsTheOwnerViewOfTheUpdatedAlias()
    {
        var dto = await _handler.Handle(OwnCommand() with { Name = "Renamed" }, CancellationToken.None);

        dto.Should().Be(new AliasDto
        {
            Id = _alias.Id,
            Type = "conference",
            Name = "Renamed",
            Passcode = TestAliases.Passcode,
            JwtSecret = TestAliases.JwtSecret,
            StreamKey = TestAliases.StreamKey,
            ExpiredAt = TestAliases.ExpiredAt,
            InsertedAt = TestClock.StartSeconds,
            Version = _alias.Version,
        });
    }

    [Test]
    public async Task Handle_WithNoFieldsPresent_LeavesEveryFieldUnchanged()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        await _handler.Handle(OwnCommand(), CancellationToken.None);

        _alias.ViewFor(AliasViewer.Owner).Should().Be(before with { Version = _alias.Version });
    }

    [Test]
    public async Task Handle_WithPasscodeNull_ClearsThePasscodeAndKeepsTheOtherFields()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        await _handler.Handle(OwnCommand() with { Passcode = new Optional<string?>(null) }, CancellationToken.None);

        _alias.ViewFor(AliasViewer.Owner).Should().Be(before with { Passcode = null, Version = _alias.Version });
    }

    [Test]
    public async Task Handle_WithType_ChangesTheType()
    {
        var dto = await _handler.Handle(OwnCommand() with { Type = "live" }, CancellationToken.None);

        _alias.Type.Should().Be(AliasType.Live);
        dto.Type.Should().Be("live");
    }

    [Test]
    public async Task Handle_WithExpiredAt_ChangesTheExpiry()
    {
        var newExpiry = TestClock.StartSeconds + 86_400;

        await _handler.Handle(OwnCommand() with { ExpiredAt = newExpiry }, CancellationToken.None);

        _alias.ExpiredAt.Should().Be(newExpiry);
    }

    [Test]
    public async Task Handle_WithAFieldBreakingADomainRule_ThrowsDomainValidationExceptionNeverSavesAndChangesNothing()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        var act = () => _handler.Handle(OwnCommand() with { Name = "Renamed", Passcode = "abc" }, CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().Equal("passcode");
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _alias.ViewFor(AliasViewer.Owner).Should().Be(before);
    }

    [Test]
    public async Task Handle_WithExpiryInThePastAtUpdateTime_ThrowsForExpiredAt()
    {
        _clock.Advance(TimeSpan.FromHours(2));

        var act = () => _handler.Handle(OwnCommand() with { ExpiredAt = TestClock.StartSeconds + 60 }, CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().Equal("expired_at");
    }

    [Test]
    public async Task Handle_Always_PassesTheCancellationTokenThrough()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(OwnCommand() with { Name = "Renamed" }, cancellation.Token);

        _aliases.Verify(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_WhenAnotherUpdateWonTheRace_AppliesTheChangeToWhatThatUpdateLeft()
    {
        var stored = GivenAnotherUpdateSavedFirst(streamKey: "changed-by-the-other");

        var dto = await _handler.Handle(OwnCommand() with { Name = "Renamed" }, CancellationToken.None);

        dto.Name.Should().Be("Renamed");
        dto.StreamKey.Should().Be("changed-by-the-other");
        dto.Version.Should().Be(stored.Version);
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Handle_WhenEverySaveConflicts_ThrowsConcurrencyConflictAfterTheLastAttempt()
    {
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException());

        var act = () => _handler.Handle(OwnCommand() with { Name = "Renamed" }, CancellationToken.None);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(UpdateAliasCommandHandler.MaxAttempts));
    }

    [Test]
    public async Task Handle_WithTheCurrentVersionExpected_Updates()
    {
        var dto = await _handler.Handle(OwnCommand() with { Name = "Renamed", ExpectedVersions = [Guid.NewGuid(), _alias.Version] }, CancellationToken.None);

        dto.Name.Should().Be("Renamed");
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithAnOlderVersionExpected_ThrowsPreconditionFailedNeverSavesAndChangesNothing()
    {
        var before = _alias.ViewFor(AliasViewer.Owner);

        var act = () => _handler.Handle(OwnCommand() with { Name = "Renamed", ExpectedVersions = [Guid.NewGuid()] }, CancellationToken.None);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _alias.ViewFor(AliasViewer.Owner).Should().Be(before);
    }

    [Test]
    public async Task Handle_WithNoVersionAcceptable_ThrowsPreconditionFailed()
    {
        var act = () => _handler.Handle(OwnCommand() with { Name = "Renamed", ExpectedVersions = [] }, CancellationToken.None);

        await act.Should().ThrowAsync<PreconditionFailedException>();
    }

    [Test]
    public async Task Handle_WithTheVersionExpectedWhenAnotherUpdateWonTheRace_ThrowsPreconditionFailed()
    {
        GivenAnotherUpdateSavedFirst(streamKey: "changed-by-the-other");

        var act = () => _handler.Handle(OwnCommand() with { Name = "Renamed", ExpectedVersions = [_alias.Version] }, CancellationToken.None);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    /// <summary>
    /// The first save loses against another update (a conflict); reading again then finds the alias as that update
    /// left it, which the handler's second save stores.
    /// </summary>
    private Alias GivenAnotherUpdateSavedFirst(string streamKey)
    {
        var stored = TestAliases.Create(_clock);
        stored.Update(new AliasChanges { StreamKey = streamKey }, _clock);
        _aliases.SetupSequence(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(_alias)
            .ReturnsAsync(stored);
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException())
            .Returns(Task.CompletedTask);
        return stored;
    }
}
