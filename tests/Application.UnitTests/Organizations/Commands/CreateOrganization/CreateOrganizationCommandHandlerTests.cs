using AliasService.Application.Common.Interfaces;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using Moq;

namespace AliasService.Application.UnitTests.Organizations.Commands.CreateOrganization;

[TestFixture]
public sealed class CreateOrganizationCommandHandlerTests
{
    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateOrganizationCommandHandler _handler = null!;
    private Organization? _added;

    [SetUp]
    public void SetUp()
    {
        _added = null;
        _organizations = new Mock<IOrganizationRepository>();
        _organizations.Setup(r => r.Add(It.IsAny<Organization>())).Callback<Organization>(o => _added = o);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new CreateOrganizationCommandHandler(_organizations.Object, _unitOfWork.Object, TestClock.Create());
    }

    [Test]
    public async Task Handle_WithName_AddsOneOrganizationAndSavesOnce()
    {
        await _handler.Handle(new CreateOrganizationCommand("Acme"), CancellationToken.None);

        _organizations.Verify(r => r.Add(It.IsAny<Organization>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithName_AddsAnOrganizationWithThatNameAndOneActiveKey()
    {
        await _handler.Handle(new CreateOrganizationCommand("Acme"), CancellationToken.None);

        _added!.Name.Should().Be("Acme");
        _added.ApiKeys.Should().ContainSingle().Which.IsLasting.Should().BeTrue();
    }

    [Test]
    public async Task Handle_WithName_ReturnsTheStoredOrganizationIdAndItsFirstKeyWithSecret()
    {
        var created = await _handler.Handle(new CreateOrganizationCommand("Acme"), CancellationToken.None);

        var key = _added!.ApiKeys.Single();
        created.Should().Be(new CreatedOrganizationDto(_added.Id, key.Id, key.Secret));
    }

    [Test]
    public async Task Handle_WithBlankName_ThrowsDomainValidationExceptionAndNeverSaves()
    {
        var act = () => _handler.Handle(new CreateOrganizationCommand("   "), CancellationToken.None);

        await act.Should().ThrowAsync<DomainValidationException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
