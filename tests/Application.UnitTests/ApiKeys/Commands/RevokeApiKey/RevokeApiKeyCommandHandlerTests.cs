using AliasService.Application.ApiKeys;
using AliasService.Application.ApiKeys.Commands.RevokeApiKey;
using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AliasService.Application.UnitTests.ApiKeys.Commands.RevokeApiKey;

[TestFixture]
public sealed class RevokeApiKeyCommandHandlerTests
{
    private FakeTimeProvider _clock = null!;
    private Organization _organization = null!;
    private ApiKey _oldKey = null!;
    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private RevokeApiKeyCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _organization = Organization.Create("Acme", _clock);
        _oldKey = _organization.ApiKeys.Single();
        _organizations = new Mock<IOrganizationRepository>();
        _organizations.Setup(r => r.FindAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_organization);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new RevokeApiKeyCommandHandler(_organizations.Object, _unitOfWork.Object, _clock, TestMapper.Create());
    }

    private ApiKey GivenASecondKey()
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        var key = _organization.IssueApiKey(null, _clock);
        _clock.Advance(TimeSpan.FromMinutes(1));
        return key;
    }

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    [Test]
    public async Task Handle_OneOfTwoActiveKeys_RevokesItNowAndSavesOnce()
    {
        var newKey = GivenASecondKey();

        await _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);

        _oldKey.RevokedAt.Should().Be(Now);
        newKey.IsLasting.Should().BeTrue();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_OneOfTwoActiveKeys_ReturnsTheRevokedKeyWithoutItsSecret()
    {
        GivenASecondKey();

        var dto = await _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);

        dto.Should().Be(new ApiKeyDto(_oldKey.Id, TestClock.StartSeconds, null, Now));
    }

    [Test]
    public async Task Handle_TheLastActiveKey_ThrowsDomainRuleExceptionAndNeverSaves()
    {
        var act = () => _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);

        await act.Should().ThrowAsync<DomainRuleException>();
        _oldKey.IsLasting.Should().BeTrue();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_TheLastActiveKeyAfterTheOtherWasRevoked_ThrowsDomainRuleException()
    {
        var newKey = GivenASecondKey();
        await _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);

        var act = () => _handler.Handle(new RevokeApiKeyCommand(_organization.Id, newKey.Id), CancellationToken.None);

        await act.Should().ThrowAsync<DomainRuleException>();
        newKey.IsLasting.Should().BeTrue();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_AnAlreadyRevokedKey_KeepsItsFirstRevocationTime()
    {
        GivenASecondKey();
        await _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);
        var firstRevocation = _oldKey.RevokedAt;
        _clock.Advance(TimeSpan.FromHours(1));

        var dto = await _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);

        dto.RevokedAt.Should().Be(firstRevocation);
    }

    [Test]
    public async Task Handle_UnknownKeyId_ThrowsApiKeyNotFoundExceptionAndNeverSaves()
    {
        GivenASecondKey();

        var act = () => _handler.Handle(new RevokeApiKeyCommand(_organization.Id, "ak_missing"), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiKeyNotFoundException>()).Which.ApiKeyId.Should().Be("ak_missing");
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_AnotherOrganizationsKeyId_ThrowsApiKeyNotFoundException()
    {
        var other = Organization.Create("Other", _clock);
        other.IssueApiKey(null, _clock);
        GivenASecondKey();

        var act = () => _handler.Handle(new RevokeApiKeyCommand(_organization.Id, other.ApiKeys.First().Id), CancellationToken.None);

        await act.Should().ThrowAsync<ApiKeyNotFoundException>();
        other.ApiKeys.Should().OnlyContain(k => k.IsLasting);
    }

    [Test]
    public async Task Handle_UnknownOrganization_ThrowsOrganizationNotFoundExceptionAndNeverSaves()
    {
        var act = () => _handler.Handle(new RevokeApiKeyCommand("org_missing", _oldKey.Id), CancellationToken.None);

        await act.Should().ThrowAsync<OrganizationNotFoundException>();
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_OnAConcurrencyConflict_DiscardsTheChangesAndRetries()
    {
        GivenASecondKey();
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException())
            .Returns(Task.CompletedTask);

        await _handler.Handle(new RevokeApiKeyCommand(_organization.Id, _oldKey.Id), CancellationToken.None);

        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        _organizations.Verify(r => r.FindAsync(_organization.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
