using AliasService.Application.Common.Interfaces;
using AliasService.Application.JwtKeys;
using AliasService.Application.JwtKeys.Queries.GetJwtKey;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.JwtKeys;
using Moq;

namespace AliasService.Application.UnitTests.JwtKeys.Queries.GetJwtKey;

[TestFixture]
public sealed class GetJwtKeyQueryHandlerTests
{
    private JwtKey _key = null!;
    private Mock<IJwtKeyRepository> _keys = null!;
    private GetJwtKeyQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _key = TestJwtKeys.Create(TestClock.Create());
        _keys = new Mock<IJwtKeyRepository>();
        _keys.Setup(r => r.FindOwnedAsync(TestAliases.OrganizationId, _key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_key);
        _handler = new GetJwtKeyQueryHandler(_keys.Object, TestMapper.Create());
    }

    [Test]
    public async Task Handle_OwnKey_ReturnsItAsTheWireObject()
    {
        var dto = await _handler.Handle(new GetJwtKeyQuery(TestAliases.OrganizationId, _key.Id), CancellationToken.None);

        dto.Should().Be(new JwtKeyDto
        {
            Id = _key.Id,
            Name = "backend",
            PublicKey = TestJwtKeys.Pem,
            Algorithm = "ES256",
            Fingerprint = "thumbprint-base64url",
            CreatedAt = TestClock.StartSeconds,
            UpdatedAt = TestClock.StartSeconds,
        });
    }

    [Test]
    public async Task Handle_OwnKey_LooksItUpScopedToTheCallingOrganizationWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new GetJwtKeyQuery(TestAliases.OrganizationId, _key.Id), cancellation.Token);

        _keys.Verify(r => r.FindOwnedAsync(TestAliases.OrganizationId, _key.Id, cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_MissingKey_ThrowsJwtKeyNotFoundExceptionNamingTheId()
    {
        var act = () => _handler.Handle(new GetJwtKeyQuery(TestAliases.OrganizationId, "jwk_missing"), CancellationToken.None);

        (await act.Should().ThrowAsync<JwtKeyNotFoundException>()).Which.KeyId.Should().Be("jwk_missing");
    }

    [Test]
    public async Task Handle_AnotherOrganizationsKey_ThrowsJwtKeyNotFoundExceptionLikeAMissingOne()
    {
        var act = () => _handler.Handle(new GetJwtKeyQuery("org_intruder", _key.Id), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<JwtKeyNotFoundException>()).Which;
        thrown.KeyId.Should().Be(_key.Id);
        thrown.Message.Should().Be("JWT key not found");
    }
}
