using AliasService.Application.Common.Interfaces;
using AliasService.Application.JwtKeys;
using AliasService.Application.JwtKeys.Commands.CreateJwtKey;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using Moq;

namespace AliasService.Application.UnitTests.JwtKeys.Commands.CreateJwtKey;

[TestFixture]
public sealed class CreateJwtKeyCommandHandlerTests
{
    private const string SubmittedPem = "-----BEGIN RSA PUBLIC KEY-----\r\nsubmitted\r\n-----END RSA PUBLIC KEY-----\r\n";

    private Mock<IJwtKeyRepository> _keys = null!;
    private Mock<IPublicKeyReader> _reader = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateJwtKeyCommandHandler _handler = null!;
    private JwtKey? _added;

    [SetUp]
    public void SetUp()
    {
        _added = null;
        _keys = new Mock<IJwtKeyRepository>();
        _keys.Setup(r => r.Add(It.IsAny<JwtKey>())).Callback<JwtKey>(k => _added = k);
        _reader = new Mock<IPublicKeyReader>();
        _reader.Setup(r => r.Read(SubmittedPem)).Returns(TestJwtKeys.Info);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new CreateJwtKeyCommandHandler(_keys.Object, _reader.Object, _unitOfWork.Object, TestClock.Create(), TestMapper.Create());
    }

    private static CreateJwtKeyCommand Command(string? name = "backend", string? publicKey = SubmittedPem) =>
        new(TestAliases.OrganizationId, name, publicKey);

    private void NeverAddedNorSaved()
    {
        _keys.Verify(r => r.Add(It.IsAny<JwtKey>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WithAcceptedKey_ReadsTheSubmittedPemOnce()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _reader.Verify(r => r.Read(SubmittedPem), Times.Once);
    }

    [Test]
    public async Task Handle_WithAcceptedKey_AddsOneKeyAndSavesOnceWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(Command(), cancellation.Token);

        _keys.Verify(r => r.Add(It.IsAny<JwtKey>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_WithAcceptedKey_StoresWhatTheReaderAnsweredForTheCallingOrganization()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _added.Should().BeEquivalentTo(new
        {
            OrganizationId = TestAliases.OrganizationId,
            Name = "backend",
            PublicKeyPem = TestJwtKeys.Pem,
            Algorithm = "ES256",
            Fingerprint = "thumbprint-base64url",
            CreatedAt = TestClock.StartSeconds,
            UpdatedAt = TestClock.StartSeconds,
        });
        _added!.Id.Should().StartWith("jwk_");
    }

    [Test]
    public async Task Handle_WithAcceptedKey_ReturnsTheStoredKeyWithTheNormalizedPem()
    {
        var dto = await _handler.Handle(Command(), CancellationToken.None);

        dto.Should().Be(new JwtKeyDto
        {
            Id = _added!.Id,
            Name = "backend",
            PublicKey = TestJwtKeys.Pem,
            Algorithm = "ES256",
            Fingerprint = "thumbprint-base64url",
            CreatedAt = TestClock.StartSeconds,
            UpdatedAt = TestClock.StartSeconds,
        });
    }

    [Test]
    public async Task Handle_WhenTheReaderRefusesTheKey_PropagatesItsValidationErrorAndNeverStores()
    {
        _reader.Setup(r => r.Read(It.IsAny<string?>()))
            .Throws(DomainValidationException.For("public_key", "is a private key: send only the public half"));

        var act = () => _handler.Handle(Command(), CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("public_key");
        NeverAddedNorSaved();
    }

    [TestCase("   ")]
    [TestCase("")]
    public async Task Handle_WithBlankName_ThrowsDomainValidationExceptionForNameAndNeverStores(string name)
    {
        var act = () => _handler.Handle(Command(name: name), CancellationToken.None);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("name");
        NeverAddedNorSaved();
    }
}
