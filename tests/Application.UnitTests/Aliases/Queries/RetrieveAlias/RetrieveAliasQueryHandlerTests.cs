using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Queries.RetrieveAlias;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Queries.RetrieveAlias;

/// <summary>
/// The decision order of docs/access-rules.md: 404 → owner → refused bearer token 401 → token view → passcode →
/// 401 → public; then 410 for an expired alias (never for its owner). The verifier is a mock: what makes a token
/// valid is the Infrastructure's business, the order in which the handler asks is this one's.
/// </summary>
[TestFixture]
public sealed class RetrieveAliasQueryHandlerTests
{
    private const string Token = "header.payload.signature";
    private const string OtherOrganizationId = "org_other";

    private FakeTimeProvider _clock = null!;
    private Mock<IAliasRepository> _aliases = null!;
    private Mock<IAliasTokenVerifier> _verifier = null!;
    private RetrieveAliasQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _aliases = new Mock<IAliasRepository>();
        _verifier = new Mock<IAliasTokenVerifier>();
        _handler = new RetrieveAliasQueryHandler(_aliases.Object, _verifier.Object, _clock, TestMapper.Create(), Mock.Of<IAccessEventSink>(), Mock.Of<IRequestCaller>());
    }

    private Alias Stored(Alias alias)
    {
        _aliases.Setup(r => r.FindAsync(alias.Id, It.IsAny<CancellationToken>())).ReturnsAsync(alias);
        return alias;
    }

    /// <summary>Passcode, JWT secret and stream key: protected both ways.</summary>
    private Alias StoredProtected() => Stored(TestAliases.Create(_clock));

    private Alias StoredWithPasscodeOnly() =>
        Stored(Alias.Create(TestAliases.OrganizationId, AliasType.Conference, "Passcode only", TestAliases.Passcode, null, TestAliases.StreamKey, TestAliases.ExpiredAt, _clock));

    private Alias StoredWithJwtSecretOnly() =>
        Stored(Alias.Create(TestAliases.OrganizationId, AliasType.Live, "Secret only", null, TestAliases.JwtSecret, TestAliases.StreamKey, TestAliases.ExpiredAt, _clock));

    private Alias StoredUnprotected() =>
        Stored(Alias.Create(TestAliases.OrganizationId, AliasType.Conference, "Open", null, null, TestAliases.StreamKey, TestAliases.ExpiredAt, _clock));

    private void GivenVerifierAnswers(Alias alias, AliasTokenVerification verification) =>
        _verifier.Setup(v => v.VerifyAsync(Token, alias, It.IsAny<CancellationToken>())).ReturnsAsync(verification);

    private void GivenExpired() => _clock.Advance(TimeSpan.FromSeconds(TestAliases.ExpiredAt - TestClock.StartSeconds));

    private Task<AliasRetrieval> Attempt(Alias alias, string? organizationId = null, string? bearerToken = null, string? passcode = null) =>
        _handler.Handle(new RetrieveAliasQuery(alias.Id, new AliasCredential(organizationId, bearerToken, passcode)), CancellationToken.None);

    private async Task<AliasDto> Retrieve(Alias alias, string? organizationId = null, string? bearerToken = null, string? passcode = null)
    {
        var retrieval = await Attempt(alias, organizationId, bearerToken, passcode);
        retrieval.Outcome.Should().Be(AliasRetrievalOutcome.Found);
        return retrieval.Alias!;
    }

    private async Task<CredentialRefusal> Refused(Alias alias, string? organizationId = null, string? bearerToken = null, string? passcode = null)
    {
        var retrieval = await Attempt(alias, organizationId, bearerToken, passcode);
        retrieval.Outcome.Should().Be(AliasRetrievalOutcome.Refused);
        return retrieval.Refusal!;
    }

    private static AliasDto OwnerView(Alias alias) => TestMapper.Create().Map<AliasDto>(alias.ViewFor(AliasViewer.Owner));

    private static AliasDto HostView(Alias alias) => TestMapper.Create().Map<AliasDto>(alias.ViewFor(AliasViewer.Host));

    private static AliasDto PublicView(Alias alias) => TestMapper.Create().Map<AliasDto>(alias.ViewFor(AliasViewer.Public));

    private void VerifierNeverCalled() =>
        _verifier.Verify(v => v.VerifyAsync(It.IsAny<string>(), It.IsAny<Alias>(), It.IsAny<CancellationToken>()), Times.Never);

    // 1. No such alias.

    [Test]
    public async Task Handle_MissingAlias_ReturnsNotFound()
    {
        var retrieval = await _handler.Handle(new RetrieveAliasQuery("no-such-id", AliasCredential.None), CancellationToken.None);

        retrieval.Should().Be(AliasRetrieval.NotFound);
        _aliases.Verify(r => r.FindAsync("no-such-id", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_MissingAliasWithEveryCredential_ReturnsNotFoundWithoutVerifyingTheToken()
    {
        var retrieval = await _handler.Handle(
            new RetrieveAliasQuery("no-such-id", new AliasCredential(TestAliases.OrganizationId, Token, TestAliases.Passcode)),
            CancellationToken.None);

        retrieval.Should().Be(AliasRetrieval.NotFound);
        VerifierNeverCalled();
    }

    [Test]
    public async Task Handle_Always_LooksTheAliasUpByIdWithTheCancellationToken()
    {
        var alias = StoredUnprotected();
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new RetrieveAliasQuery(alias.Id, AliasCredential.None), cancellation.Token);

        _aliases.Verify(r => r.FindAsync(alias.Id, cancellation.Token), Times.Once);
    }

    // 2. The owning organization.

    [Test]
    public async Task Handle_OwnerOrganization_ReturnsTheOwnerViewWithEverySecret()
    {
        var alias = StoredProtected();

        var dto = await Retrieve(alias, organizationId: TestAliases.OrganizationId);

        dto.Should().Be(OwnerView(alias));
        dto.Should().BeEquivalentTo(new { Passcode = TestAliases.Passcode, JwtSecret = TestAliases.JwtSecret, StreamKey = TestAliases.StreamKey });
    }

    [Test]
    public async Task Handle_OwnerOrganizationWithItsBearerToken_ReturnsTheOwnerViewWithoutVerifyingTheTokenAsAnAliasToken()
    {
        // The controller passes the raw bearer token as well whenever one was sent, including the owner's organization token.
        var alias = StoredProtected();

        var dto = await Retrieve(alias, organizationId: TestAliases.OrganizationId, bearerToken: Token);

        dto.Should().Be(OwnerView(alias));
        VerifierNeverCalled();
    }

    [Test]
    public async Task Handle_OwnerOrganizationWithAWrongPasscode_ReturnsTheOwnerView()
    {
        var alias = StoredProtected();

        var dto = await Retrieve(alias, organizationId: TestAliases.OrganizationId, passcode: "wrong-passcode");

        dto.Should().Be(OwnerView(alias));
    }

    [Test]
    public async Task Handle_OwnerOrganizationOnAnExpiredAlias_ReturnsTheOwnerViewAndNo410()
    {
        var alias = StoredProtected();
        GivenExpired();

        var dto = await Retrieve(alias, organizationId: TestAliases.OrganizationId, bearerToken: Token);

        dto.Should().Be(OwnerView(alias));
        VerifierNeverCalled();
    }

    [Test]
    public async Task Handle_OrganizationIdDifferingOnlyInCase_IsNotTheOwner()
    {
        var alias = StoredProtected();

        (await Refused(alias, organizationId: TestAliases.OrganizationId.ToUpperInvariant())).Reason.Should().Be(CredentialRefusal.CredentialsRequired);
    }

    // Another organization: what the controller sends is its id together with its raw organization token.

    [Test]
    public async Task Handle_AnotherOrganizationWithItsBearerToken_VerifiesThatTokenAsAnAliasToken()
    {
        var alias = StoredUnprotected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Refused("unsupported_header", "not an alias token"));

        await Refused(alias, organizationId: OtherOrganizationId, bearerToken: Token);
        _verifier.Verify(v => v.VerifyAsync(Token, alias, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_AnotherOrganizationWhoseTokenIsRefused_ReturnsRefusedEvenOnAnUnprotectedAlias()
    {
        var alias = StoredUnprotected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Refused("alias_mismatch", "The alias claim must be a JSON string equal to the alias id."));

        var denied = await Refused(alias, organizationId: OtherOrganizationId, bearerToken: Token);
        denied.Reason.Should().Be("alias_mismatch");
        denied.TokenPresented.Should().BeTrue();
    }

    [Test]
    public async Task Handle_AnotherOrganizationIdWithoutBearerTokenOnAnUnprotectedAlias_ReturnsThePublicView()
    {
        var alias = StoredUnprotected();

        var dto = await Retrieve(alias, organizationId: OtherOrganizationId);

        dto.Should().Be(PublicView(alias));
        VerifierNeverCalled();
    }

    [Test]
    public async Task Handle_AnotherOrganizationIdWithoutBearerTokenOnAProtectedAlias_IsTreatedAsAnonymousAndNeedsCredentials()
    {
        var alias = StoredProtected();

        var denied = await Refused(alias, organizationId: OtherOrganizationId);
        denied.Reason.Should().Be(CredentialRefusal.CredentialsRequired);
        denied.TokenPresented.Should().BeFalse();
    }

    [Test]
    public async Task Handle_AnotherOrganizationIdWithTheRightPasscode_ReturnsThePublicView()
    {
        var alias = StoredProtected();

        var dto = await Retrieve(alias, organizationId: OtherOrganizationId, passcode: TestAliases.Passcode);

        dto.Should().Be(PublicView(alias));
    }

    // 3. A bearer token that is not a valid alias token for this alias.

    [TestCase("token_expired")]
    [TestCase("bad_signature")]
    [TestCase("alias_mismatch")]
    [TestCase("malformed")]
    [TestCase("missing_expiry")]
    public async Task Handle_RefusedBearerToken_ReturnsRefusedWithTheVerifiersReasonAndTokenPresented(string reason)
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Refused(reason, $"described: {reason}"));

        var denied = await Refused(alias, bearerToken: Token);
        denied.Reason.Should().Be(reason);
        denied.Description.Should().Be($"described: {reason}");
        denied.TokenPresented.Should().BeTrue();
    }

    [Test]
    public async Task Handle_RefusedBearerTokenOnAnUnprotectedAlias_FailsClosed()
    {
        var alias = StoredUnprotected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Refused("bad_signature", "The token signature does not verify."));

        var denied = await Refused(alias, bearerToken: Token);
        denied.Reason.Should().Be("bad_signature");
        denied.TokenPresented.Should().BeTrue();
    }

    [Test]
    public async Task Handle_RefusedBearerTokenWithTheRightPasscode_ReturnsRefusedForTheToken()
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Refused("token_expired", "The token has expired."));

        var denied = await Refused(alias, bearerToken: Token, passcode: TestAliases.Passcode);
        denied.Reason.Should().Be("token_expired");
        denied.TokenPresented.Should().BeTrue();
    }

    [Test]
    public async Task Handle_RefusedBearerTokenOnAnExpiredAlias_ReturnsRefusedRatherThanExpired()
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Refused("bad_signature", "The token signature does not verify."));
        GivenExpired();

        (await Refused(alias, bearerToken: Token)).Reason.Should().Be("bad_signature");
    }

    // 4. A valid alias token.

    [Test]
    public async Task Handle_ValidHostToken_ReturnsTheHostView()
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host: true));

        var dto = await Retrieve(alias, bearerToken: Token);

        dto.Should().Be(HostView(alias));
        dto.Should().BeEquivalentTo(new { Passcode = (string?)null, JwtSecret = (string?)null, StreamKey = TestAliases.StreamKey });
    }

    [Test]
    public async Task Handle_ValidNonHostToken_ReturnsThePublicView()
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host: false));

        var dto = await Retrieve(alias, bearerToken: Token);

        dto.Should().Be(PublicView(alias));
        dto.Should().BeEquivalentTo(new { Passcode = (string?)null, JwtSecret = (string?)null, StreamKey = (string?)null });
    }

    [Test]
    public async Task Handle_ValidHostTokenOnAnUnprotectedAlias_ReturnsTheHostView()
    {
        var alias = StoredUnprotected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host: true));

        var dto = await Retrieve(alias, bearerToken: Token);

        dto.Should().Be(HostView(alias));
    }

    [Test]
    public async Task Handle_ValidTokenWithAWrongPasscode_LetsTheTokenDecide()
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host: true));

        var dto = await Retrieve(alias, bearerToken: Token, passcode: "wrong-passcode");

        dto.Should().Be(HostView(alias));
    }

    [Test]
    public async Task Handle_BearerToken_IsVerifiedOnceAgainstTheStoredAliasWithTheCancellationToken()
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host: false));
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new RetrieveAliasQuery(alias.Id, new AliasCredential(null, Token, null)), cancellation.Token);

        _verifier.Verify(v => v.VerifyAsync(Token, alias, cancellation.Token), Times.Once);
        _verifier.VerifyNoOtherCalls();
    }

    // 5. Passcode, or a token that is required.

    [Test]
    public async Task Handle_RightPasscode_ReturnsThePublicView()
    {
        var alias = StoredWithPasscodeOnly();

        var dto = await Retrieve(alias, passcode: TestAliases.Passcode);

        dto.Should().Be(PublicView(alias));
        VerifierNeverCalled();
    }

    [Test]
    public async Task Handle_RightPasscodeOnAnAliasWithPasscodeAndJwtSecret_ReturnsThePublicView()
    {
        var alias = StoredProtected();

        var dto = await Retrieve(alias, passcode: TestAliases.Passcode);

        dto.Should().Be(PublicView(alias));
    }

    [TestCase("wrong-passcode")]
    [TestCase("OPEN-SESAME")]
    [TestCase("open-sesame ")]
    [TestCase("")]
    public async Task Handle_WrongPasscode_ReturnsRefusedWithInvalidPasscodeAndNoTokenPresented(string passcode)
    {
        var alias = StoredWithPasscodeOnly();

        var denied = await Refused(alias, passcode: passcode);
        denied.Reason.Should().Be(CredentialRefusal.InvalidPasscode);
        denied.TokenPresented.Should().BeFalse();
    }

    [Test]
    public async Task Handle_NoCredentialOnAPasscodeProtectedAlias_ReturnsRefusedWithCredentialsRequired()
    {
        var alias = StoredWithPasscodeOnly();

        var denied = await Refused(alias);
        denied.Reason.Should().Be(CredentialRefusal.CredentialsRequired);
        denied.TokenPresented.Should().BeFalse();
    }

    [Test]
    public async Task Handle_NoCredentialOnAJwtSecretOnlyAlias_ReturnsRefusedWithCredentialsRequired()
    {
        var alias = StoredWithJwtSecretOnly();

        var denied = await Refused(alias);
        denied.Reason.Should().Be(CredentialRefusal.CredentialsRequired);
        denied.TokenPresented.Should().BeFalse();
    }

    [Test]
    public async Task Handle_AnyPasscodeOnAJwtSecretOnlyAlias_IsRefused()
    {
        // The alias has no passcode, so no passcode (not even its JWT secret) can stand in for a token.
        var alias = StoredWithJwtSecretOnly();

        var denied = await Refused(alias, passcode: TestAliases.JwtSecret);
        denied.Reason.Should().Be(CredentialRefusal.InvalidPasscode);
        denied.TokenPresented.Should().BeFalse();
    }

    [Test]
    public async Task Handle_ValidTokenOnAJwtSecretOnlyAlias_ReturnsTheTokensView()
    {
        var alias = StoredWithJwtSecretOnly();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host: false));

        var dto = await Retrieve(alias, bearerToken: Token);

        dto.Should().Be(PublicView(alias));
    }

    // 6. An unprotected alias.

    [Test]
    public async Task Handle_NoCredentialOnAnUnprotectedAlias_ReturnsThePublicViewWithoutTheStreamKey()
    {
        var alias = StoredUnprotected();

        var dto = await Retrieve(alias);

        dto.Should().Be(PublicView(alias));
        dto.StreamKey.Should().BeNull();
        VerifierNeverCalled();
    }

    [Test]
    public async Task Handle_AnyPasscodeOnAnUnprotectedAlias_ReturnsThePublicView()
    {
        var alias = StoredUnprotected();

        var dto = await Retrieve(alias, passcode: "anything");

        dto.Should().Be(PublicView(alias));
    }

    // 7. Expiry, after the credentials.

    [Test]
    public async Task Handle_OneSecondBeforeExpiry_ReturnsTheView()
    {
        var alias = StoredUnprotected();
        _clock.Advance(TimeSpan.FromSeconds(TestAliases.ExpiredAt - TestClock.StartSeconds - 1));

        var dto = await Retrieve(alias);

        dto.Should().Be(PublicView(alias));
    }

    [Test]
    public async Task Handle_ExactlyAtExpiredAt_ReturnsExpired()
    {
        var alias = StoredUnprotected();
        GivenExpired();

        (await Attempt(alias)).Should().Be(AliasRetrieval.Expired);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Handle_ValidTokenOnAnExpiredAlias_ReturnsExpired(bool host)
    {
        var alias = StoredProtected();
        GivenVerifierAnswers(alias, AliasTokenVerification.Valid(host));
        GivenExpired();

        (await Attempt(alias, bearerToken: Token)).Should().Be(AliasRetrieval.Expired);
    }

    [Test]
    public async Task Handle_RightPasscodeOnAnExpiredAlias_ReturnsExpired()
    {
        var alias = StoredWithPasscodeOnly();
        GivenExpired();

        (await Attempt(alias, passcode: TestAliases.Passcode)).Should().Be(AliasRetrieval.Expired);
    }

    [Test]
    public async Task Handle_NoCredentialOnAnExpiredProtectedAlias_ReturnsRefusedBeforeExpiry()
    {
        var alias = StoredProtected();
        GivenExpired();

        (await Refused(alias)).Reason.Should().Be(CredentialRefusal.CredentialsRequired);
    }

    [Test]
    public async Task Handle_WrongPasscodeOnAnExpiredProtectedAlias_ReturnsRefusedBeforeExpiry()
    {
        var alias = StoredWithPasscodeOnly();
        GivenExpired();

        (await Refused(alias, passcode: "wrong-passcode")).Reason.Should().Be(CredentialRefusal.InvalidPasscode);
    }

    [Test]
    public async Task Handle_AnotherOrganizationIdWithoutTokenOnAnExpiredUnprotectedAlias_ReturnsExpired()
    {
        var alias = StoredUnprotected();
        GivenExpired();

        (await Attempt(alias, organizationId: OtherOrganizationId)).Should().Be(AliasRetrieval.Expired);
    }
}
