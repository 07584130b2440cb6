using AliasService.Application.Aliases.Commands.MintAliasToken;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Commands.MintAliasToken;

[TestFixture]
public sealed class MintAliasTokenCommandHandlerTests
{
    private static readonly IssuedToken Issued = new("minted.alias.token", TestClock.StartSeconds + 3600);

    private Alias _alias = null!;
    private Mock<IAliasRepository> _aliases = null!;
    private Mock<ITokenIssuer> _issuer = null!;
    private MintAliasTokenCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _alias = TestAliases.Create(TestClock.Create());
        _aliases = new Mock<IAliasRepository>();
        _aliases.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_alias);
        _issuer = new Mock<ITokenIssuer>();
        _issuer
            .Setup(i => i.IssueAliasToken(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<bool>(), It.IsAny<TimeSpan>()))
            .Returns(Issued);
        _handler = new MintAliasTokenCommandHandler(_aliases.Object, _issuer.Object);
    }

    private MintAliasTokenCommand Command(string? userId = null, bool? host = null, long? expiresIn = null) =>
        new(TestAliases.OrganizationId, _alias.Id, userId, host, expiresIn);

    private void IssuerNeverCalled() =>
        _issuer.Verify(i => i.IssueAliasToken(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<bool>(), It.IsAny<TimeSpan>()), Times.Never);

    [Test]
    public async Task Handle_OwnAliasWithJwtSecret_ReturnsTheIssuedTokenAndItsExpiry()
    {
        var dto = await _handler.Handle(Command(), CancellationToken.None);

        dto.Should().Be(new AliasTokenDto(Issued.Token, Issued.ExpiresAt));
    }

    [Test]
    public async Task Handle_OwnAliasWithJwtSecret_SignsWithTheAliasIdAndItsSecret()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _issuer.Verify(i => i.IssueAliasToken(_alias.Id, TestAliases.JwtSecret, It.IsAny<string?>(), It.IsAny<bool>(), It.IsAny<TimeSpan>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutExpiresIn_AsksForTheDefaultLifetimeOfOneHour()
    {
        await _handler.Handle(Command(expiresIn: null), CancellationToken.None);

        _issuer.Verify(i => i.IssueAliasToken(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<bool>(), TimeSpan.FromSeconds(3600)), Times.Once);
    }

    [TestCase(1)]
    [TestCase(60)]
    [TestCase(604_800)]
    public async Task Handle_WithExpiresIn_AsksForThatManySeconds(long expiresIn)
    {
        await _handler.Handle(Command(expiresIn: expiresIn), CancellationToken.None);

        _issuer.Verify(i => i.IssueAliasToken(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<bool>(), TimeSpan.FromSeconds(expiresIn)), Times.Once);
    }

    [TestCase(null, false)]
    [TestCase(false, false)]
    [TestCase(true, true)]
    public async Task Handle_WithHost_PassesHostDefaultingToFalse(bool? host, bool expected)
    {
        await _handler.Handle(Command(host: host), CancellationToken.None);

        _issuer.Verify(i => i.IssueAliasToken(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), expected, It.IsAny<TimeSpan>()), Times.Once);
    }

    [TestCase(null)]
    [TestCase("user-42")]
    public async Task Handle_WithUserId_PassesItUnchanged(string? userId)
    {
        await _handler.Handle(Command(userId: userId), CancellationToken.None);

        _issuer.Verify(i => i.IssueAliasToken(It.IsAny<string>(), It.IsAny<string>(), userId, It.IsAny<bool>(), It.IsAny<TimeSpan>()), Times.Once);
    }

    [Test]
    public async Task Handle_Always_LooksTheAliasUpScopedToTheCallingOrganizationWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(Command(), cancellation.Token);

        _aliases.Verify(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, cancellation.Token), Times.Once);
        _aliases.Verify(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_MissingAlias_ThrowsAliasNotFoundExceptionAndIssuesNothing()
    {
        var act = () => _handler.Handle(new MintAliasTokenCommand(TestAliases.OrganizationId, "no-such-id", null, null, null), CancellationToken.None);

        (await act.Should().ThrowAsync<AliasNotFoundException>()).Which.AliasId.Should().Be("no-such-id");
        IssuerNeverCalled();
    }

    [Test]
    public async Task Handle_AnotherOrganizationsAlias_ThrowsAliasNotFoundExceptionAndIssuesNothing()
    {
        var act = () => _handler.Handle(new MintAliasTokenCommand("org_intruder", _alias.Id, null, null, null), CancellationToken.None);

        (await act.Should().ThrowAsync<AliasNotFoundException>()).Which.AliasId.Should().Be(_alias.Id);
        IssuerNeverCalled();
    }

    [Test]
    public async Task Handle_AliasWithoutJwtSecret_ThrowsDomainRuleExceptionAndIssuesNothing()
    {
        var clock = TestClock.Create();
        var withoutSecret = Alias.Create(TestAliases.OrganizationId, AliasType.Live, null, TestAliases.Passcode, null, TestAliases.StreamKey, TestAliases.ExpiredAt, clock);
        _aliases.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, withoutSecret.Id, It.IsAny<CancellationToken>())).ReturnsAsync(withoutSecret);

        var act = () => _handler.Handle(new MintAliasTokenCommand(TestAliases.OrganizationId, withoutSecret.Id, null, null, null), CancellationToken.None);

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Message.Should().Contain("jwt_secret");
        IssuerNeverCalled();
    }
}
