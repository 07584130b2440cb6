using AliasService.Application.ApiKeys;
using AliasService.Application.ApiKeys.Commands.CreateApiKey;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Organizations;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AliasService.Application.UnitTests.ApiKeys.Commands.CreateApiKey;

[TestFixture]
public sealed class CreateApiKeyCommandHandlerTests
{
    private FakeTimeProvider _clock = null!;
    private Organization _organization = null!;
    private ApiKey _firstKey = null!;
    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateApiKeyCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _organization = Organization.Create("Acme", _clock);
        _firstKey = _organization.ApiKeys.Single();
        _clock.Advance(TimeSpan.FromMinutes(5));
        _organizations = new Mock<IOrganizationRepository>();
        _organizations.Setup(r => r.FindAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_organization);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new CreateApiKeyCommandHandler(_organizations.Object, _unitOfWork.Object, _clock, TestMapper.Create());
    }

    [Test]
    public async Task Handle_KnownOrganization_AddsOneActiveKeyBesideTheExistingOne()
    {
        await _handler.Handle(new CreateApiKeyCommand(_organization.Id), CancellationToken.None);

        _organization.ApiKeys.Should().HaveCount(2).And.OnlyContain(k => k.IsLasting);
        _organization.ApiKeys.Should().Contain(_firstKey);
    }

    [Test]
    public async Task Handle_KnownOrganization_SavesOnceWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new CreateApiKeyCommand(_organization.Id), cancellation.Token);

        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
        _organizations.Verify(r => r.FindAsync(_organization.Id, cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_KnownOrganization_ReturnsTheNewKeyWithItsSecretCreatedNow()
    {
        var created = await _handler.Handle(new CreateApiKeyCommand(_organization.Id), CancellationToken.None);

        var key = _organization.ApiKeys.Single(k => k != _firstKey);
        created.Should().Be(new CreatedApiKeyDto(key.Id, key.Secret, _clock.GetUtcNow().ToUnixTimeSeconds(), null, null));
    }

    [Test]
    public async Task Handle_KnownOrganization_ReturnsAKeyDifferentFromTheExistingOne()
    {
        var created = await _handler.Handle(new CreateApiKeyCommand(_organization.Id), CancellationToken.None);

        created.Id.Should().NotBe(_firstKey.Id).And.StartWith("ak_");
        created.Secret.Should().NotBe(_firstKey.Secret).And.StartWith("sk_");
    }

    [Test]
    public async Task Handle_UnknownOrganization_ThrowsOrganizationNotFoundExceptionAndNeverSaves()
    {
        var act = () => _handler.Handle(new CreateApiKeyCommand("org_missing"), CancellationToken.None);

        (await act.Should().ThrowAsync<OrganizationNotFoundException>()).Which.OrganizationId.Should().Be("org_missing");
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
