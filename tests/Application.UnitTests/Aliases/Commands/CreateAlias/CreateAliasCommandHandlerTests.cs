using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.CreateAlias;
using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Commands.CreateAlias;

[TestFixture]
public sealed class CreateAliasCommandHandlerTests
{
    private Mock<IAliasRepository> _aliases = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateAliasCommandHandler _handler = null!;
    private Alias? _added;

    [SetUp]
    public void SetUp()
    {
        _added = null;
        _aliases = new Mock<IAliasRepository>();
        _aliases.Setup(r => r.Add(It.IsAny<Alias>())).Callback<Alias>(a => _added = a);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new CreateAliasCommandHandler(_aliases.Object, _unitOfWork.Object, TestClock.Create(), TestMapper.Create());
    }

    private static CreateAliasCommand ValidCommand() => new(
        "org_1",
        "live",
        "Town hall",
        "1234",
        TestAliases.JwtSecret,
        "stream-1",
        TestClock.StartSeconds + 600);

    [TestCase("webinar")]
    [TestCase(null)]
    public async Task Handle_TypeThatIsNoAliasType_IsRefusedNamingTypeNeverDefaulted(string? type)
    {
        var act = () => _handler.Handle(ValidCommand() with { Type = type }, CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("type");
        _added.Should().BeNull();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WithValidCommand_AddsOneAliasAndSavesOnce()
    {
        await _handler.Handle(ValidCommand(), CancellationToken.None);

        _aliases.Verify(r => r.Add(It.IsAny<Alias>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithValidCommand_AddsAnAliasOwnedByTheRequestingOrganizationWithTheGivenFields()
    {
        var command = ValidCommand();

        await _handler.Handle(command, CancellationToken.None);

        _added.Should().BeEquivalentTo(new
        {
            OrganizationId = "org_1",
            Type = AliasType.Live,
            command.Name,
            command.Passcode,
            command.JwtSecret,
            command.StreamKey,
            ExpiredAt = command.ExpiredAt!.Value,
            InsertedAt = TestClock.StartSeconds,
        });
    }

    [Test]
    public async Task Handle_WithValidCommand_ReturnsTheOwnerViewOfTheStoredAlias()
    {
        var command = ValidCommand();

        var dto = await _handler.Handle(command, CancellationToken.None);

        dto.Should().Be(new AliasDto
        {
            Id = _added!.Id,
            Type = "live",
            Name = command.Name,
            Passcode = command.Passcode,
            JwtSecret = command.JwtSecret,
            StreamKey = command.StreamKey,
            ExpiredAt = command.ExpiredAt!.Value,
            InsertedAt = TestClock.StartSeconds,
            Version = _added.Version,
        });
    }

    [TestCase("conference", AliasType.Conference)]
    [TestCase("live", AliasType.Live)]
    public async Task Handle_WithWireType_StoresTheMatchingAliasType(string wireType, AliasType expected)
    {
        await _handler.Handle(ValidCommand() with { Type = wireType }, CancellationToken.None);

        _added!.Type.Should().Be(expected);
    }

    [Test]
    public async Task Handle_Always_PassesTheCancellationTokenToSave()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(ValidCommand(), cancellation.Token);

        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_WithAFieldBreakingADomainRule_ThrowsDomainValidationExceptionAndNeverSaves()
    {
        var act = () => _handler.Handle(ValidCommand() with { JwtSecret = "too-short" }, CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().Equal("jwt_secret");
        _aliases.Verify(r => r.Add(It.IsAny<Alias>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WhenSaveReportsAConflict_PropagatesIt()
    {
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException());

        var act = () => _handler.Handle(ValidCommand(), CancellationToken.None);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
    }
}
