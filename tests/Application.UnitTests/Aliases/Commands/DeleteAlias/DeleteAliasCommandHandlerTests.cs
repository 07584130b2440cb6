using AliasService.Application.Aliases.Commands.DeleteAlias;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using MediatR;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Commands.DeleteAlias;

[TestFixture]
public sealed class DeleteAliasCommandHandlerTests
{
    private Alias _alias = null!;
    private Mock<IAliasRepository> _aliases = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private DeleteAliasCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _alias = TestAliases.Create(TestClock.Create());
        _aliases = new Mock<IAliasRepository>();
        _aliases.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_alias);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new DeleteAliasCommandHandler(_aliases.Object, _unitOfWork.Object);
    }

    [Test]
    public async Task Handle_OwnAlias_RemovesItAndSavesOnce()
    {
        await _handler.Handle(new DeleteAliasCommand(TestAliases.OrganizationId, _alias.Id), CancellationToken.None);

        _aliases.Verify(r => r.Remove(_alias), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_OwnAlias_ReturnsUnit()
    {
        var result = await _handler.Handle(new DeleteAliasCommand(TestAliases.OrganizationId, _alias.Id), CancellationToken.None);

        result.Should().Be(Unit.Value);
    }

    [Test]
    public async Task Handle_MissingAlias_ThrowsAliasNotFoundExceptionNamingTheId()
    {
        var act = () => _handler.Handle(new DeleteAliasCommand(TestAliases.OrganizationId, "no-such-id"), CancellationToken.None);

        (await act.Should().ThrowAsync<AliasNotFoundException>()).Which.AliasId.Should().Be("no-such-id");
    }

    [Test]
    public async Task Handle_MissingAlias_NeverRemovesNorSaves()
    {
        var act = () => _handler.Handle(new DeleteAliasCommand(TestAliases.OrganizationId, "no-such-id"), CancellationToken.None);

        await act.Should().ThrowAsync<AliasNotFoundException>();
        _aliases.Verify(r => r.Remove(It.IsAny<Alias>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_AnotherOrganizationsAlias_ThrowsAliasNotFoundExceptionAndNeverRemovesNorSaves()
    {
        var act = () => _handler.Handle(new DeleteAliasCommand("org_intruder", _alias.Id), CancellationToken.None);

        await act.Should().ThrowAsync<AliasNotFoundException>();
        _aliases.Verify(r => r.Remove(It.IsAny<Alias>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
