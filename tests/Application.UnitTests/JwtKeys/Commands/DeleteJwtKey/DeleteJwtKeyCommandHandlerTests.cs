using AliasService.Application.Common.Interfaces;
using AliasService.Application.JwtKeys.Commands.DeleteJwtKey;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.JwtKeys;
using MediatR;
using Moq;

namespace AliasService.Application.UnitTests.JwtKeys.Commands.DeleteJwtKey;

[TestFixture]
public sealed class DeleteJwtKeyCommandHandlerTests
{
    private JwtKey _key = null!;
    private Mock<IJwtKeyRepository> _keys = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private DeleteJwtKeyCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _key = TestJwtKeys.Create(TestClock.Create());
        _keys = new Mock<IJwtKeyRepository>();
        _keys.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, _key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_key);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new DeleteJwtKeyCommandHandler(_keys.Object, _unitOfWork.Object);
    }

    private void NeverRemovedNorSaved()
    {
        _keys.Verify(r => r.Remove(It.IsAny<JwtKey>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_OwnKey_RemovesItAndSavesOnce()
    {
        var result = await _handler.Handle(new DeleteJwtKeyCommand(TestAliases.OrganizationId, _key.Id), CancellationToken.None);

        result.Should().Be(Unit.Value);
        _keys.Verify(r => r.Remove(_key), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_OwnKey_LooksItUpScopedToTheCallingOrganizationWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new DeleteJwtKeyCommand(TestAliases.OrganizationId, _key.Id), cancellation.Token);

        _keys.Verify(r => r.FindOwnedAsync(TestAliases.OrganizationId, _key.Id, cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_MissingKey_ThrowsJwtKeyNotFoundExceptionNamingTheIdAndNeverRemoves()
    {
        var act = () => _handler.Handle(new DeleteJwtKeyCommand(TestAliases.OrganizationId, "jwk_missing"), CancellationToken.None);

        (await act.Should().ThrowAsync<JwtKeyNotFoundException>()).Which.KeyId.Should().Be("jwk_missing");
        NeverRemovedNorSaved();
    }

    [Test]
    public async Task Handle_AnotherOrganizationsKey_ThrowsJwtKeyNotFoundExceptionAndNeverRemoves()
    {
        var act = () => _handler.Handle(new DeleteJwtKeyCommand("org_intruder", _key.Id), CancellationToken.None);

        (await act.Should().ThrowAsync<JwtKeyNotFoundException>()).Which.KeyId.Should().Be(_key.Id);
        NeverRemovedNorSaved();
    }
}
