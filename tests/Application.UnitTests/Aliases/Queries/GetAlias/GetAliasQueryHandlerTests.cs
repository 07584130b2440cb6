using AliasService.Application.Aliases.Queries.GetAlias;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Queries.GetAlias;

[TestFixture]
public sealed class GetAliasQueryHandlerTests
{
    private Alias _alias = null!;
    private Mock<IAliasRepository> _aliases = null!;
    private GetAliasQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _alias = TestAliases.Create(TestClock.Create());
        _aliases = new Mock<IAliasRepository>();
        _aliases.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_alias);
        _handler = new GetAliasQueryHandler(_aliases.Object, TestMapper.Create());
    }

    [Test]
    public async Task Handle_OwnAlias_ReturnsTheOwnerViewWithSecretsAndVersion()
    {
        var dto = await _handler.Handle(new GetAliasQuery(TestAliases.OrganizationId, _alias.Id), CancellationToken.None);

        dto.Should().BeEquivalentTo(new
        {
            _alias.Id,
            Type = "conference",
            Name = "Weekly sync",
            Passcode = TestAliases.Passcode,
            JwtSecret = TestAliases.JwtSecret,
            StreamKey = TestAliases.StreamKey,
            ExpiredAt = TestAliases.ExpiredAt,
            InsertedAt = TestClock.StartSeconds,
            Version = (Guid?)_alias.Version,
        });
    }

    [Test]
    public async Task Handle_OwnAlias_LooksItUpScopedToTheCallingOrganizationWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new GetAliasQuery(TestAliases.OrganizationId, _alias.Id), cancellation.Token);

        _aliases.Verify(r => r.FindOwnedAsync(TestAliases.OrganizationId, _alias.Id, cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_AnotherOrganizationsAlias_ThrowsAliasNotFoundExceptionLikeAMissingOne()
    {
        var act = () => _handler.Handle(new GetAliasQuery("org_intruder", _alias.Id), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AliasNotFoundException>()).Which;
        thrown.AliasId.Should().Be(_alias.Id);
        thrown.Message.Should().Be("Alias not found");
    }
}
