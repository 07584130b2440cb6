using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// <c>GET /api/v1/alias/{id}</c>: the decision table of docs/access-rules.md, at least one
/// test per row, in the table's order. Expiry is reached by advancing the service's fake clock, never by waiting.
/// </summary>
public sealed class RetrievalDecisionTableTests : AliasAccessTest
{
    private const string Passcode = "4321-room";

    // ---- row 1: no such alias, or deleted → 404 ------------------------------------------------------------------

    [Test]
    public async Task Retrieve_UnknownAlias_Returns404AliasNotFound()
    {
        using var response = await RetrieveAsync("doesNotExist0000");

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Retrieve_UnknownAliasWithAWellFormedAliasToken_Returns404AliasNotFound()
    {
        var token = AliasToken("doesNotExist0000", NewSecret()).WithClaim("host", true).Encode();

        using var response = await RetrieveAsync("doesNotExist0000", token);

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Retrieve_UnknownAliasWithAGarbageToken_Returns404AliasNotFound()
    {
        using var response = await RetrieveAsync("doesNotExist0000", "not.a.token");

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Retrieve_AliasIdInAnotherLetterCase_Returns404AliasNotFound()
    {
        var alias = await CreateTestAliasAsync();
        var otherCase = string.Concat(alias.Id.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));
        Assume.That(otherCase, Is.Not.EqualTo(alias.Id), "the id has letters");

        using var response = await RetrieveAsync(otherCase);

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Retrieve_DeletedAlias_Returns404AliasNotFound()
    {
        var alias = await CreateTestAliasAsync();
        await DeleteAsync(alias);

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Retrieve_DeletedAliasWithOwnerOrganizationToken_Returns404AliasNotFound()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        await DeleteAsync(alias);

        using var response = await RetrieveAsync(alias.Id, Factory.OrganizationToken(Organization));

        await ShouldBeNotFoundAsync(response);
    }

    [Test]
    public async Task Retrieve_DeletedAliasWithATokenThatWasValid_Returns404AliasNotFound()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(alias).WithClaim("host", true).Encode();
        await DeleteAsync(alias);

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeNotFoundAsync(response);
    }

    // ---- row 2: the owning organization's token → owner view ------------------------------------------------------

    [Test]
    public async Task Retrieve_WithOwnerOrganizationToken_ReturnsOwnerViewWithEverySecret()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, Factory.OrganizationToken(Organization));

        await ShouldBeViewAsync(response, alias, ExpectedView.Owner);
    }

    [Test]
    public async Task Retrieve_ExpiredAliasWithOwnerOrganizationToken_Returns200OwnerViewNot410()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode, expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(3600));

        using var response = await RetrieveAsync(alias.Id, Factory.OrganizationToken(Organization));

        await ShouldBeViewAsync(response, alias, ExpectedView.Owner);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithOwnerOrganizationToken_ReturnsOwnerViewWithStreamKey()
    {
        var alias = await CreateTestAliasAsync();

        using var response = await RetrieveAsync(alias.Id, Factory.OrganizationToken(Organization));

        await ShouldBeViewAsync(response, alias, ExpectedView.Owner);
    }

    // ---- row 3: a bearer token that is not a valid alias token for this alias → 401, even when unprotected ----

    [Test]
    public async Task Retrieve_WithAnotherOrganizationValidToken_Returns401()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);
        var stranger = await Factory.CreateOrganizationAsync("Stranger");
        var token = Factory.OrganizationToken(stranger);

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithAnotherOrganizationValidToken_Returns401()
    {
        var alias = await CreateTestAliasAsync();
        var stranger = await Factory.CreateOrganizationAsync("Stranger");
        var token = Factory.OrganizationToken(stranger);

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithOwnersExpiredOrganizationToken_Returns401NotOwnerOrPublicView()
    {
        var alias = await CreateTestAliasAsync();
        var expired = TestJwt.ForOrganization(Organization, Factory.Now - 7200).Encode();

        using var response = await RetrieveAsync(alias.Id, expired);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, expired);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithGarbageBearer_Returns401Malformed()
    {
        var alias = await CreateTestAliasAsync();

        using var response = await RetrieveAsync(alias.Id, "not.a.token");

        await ShouldBeRefusedAsync(response, "malformed", alias, "not.a.token");
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithAnyHmacToken_Returns401BadSignature()
    {
        // An alias without a jwt_secret has no valid alias token at all, whatever key signed it.
        var alias = await CreateTestAliasAsync();
        var token = AliasToken(alias.Id, NewSecret()).Encode();

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithAnExpiredToken_Returns401()
    {
        var alias = await CreateTestAliasAsync();
        var token = AliasToken(alias.Id, NewSecret()).WithClaim("iat", Factory.Now - 7200).WithClaim("exp", Factory.Now - 3600).Encode();

        using var response = await RetrieveAsync(alias.Id, token);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    [Test]
    public async Task Retrieve_PasscodeOnlyAliasWithTokenSignedWithEmptyKey_Returns401BadSignature()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);
        var payload = $$"""{"alias":"{{alias.Id}}","host":true,"iat":{{Factory.Now}},"exp":{{Factory.Now + 3600}}}""";
        var token = RawJwt.Hs256WithKeyBytes(RawJwtHeaders.Hs256, payload, []);

        using var response = await RetrieveAsync(alias.Id, token, passcode: Passcode);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    [Test]
    public async Task Retrieve_WithBadTokenAndTheRightPasscode_Returns401BecauseTheTokenDecides()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);
        var token = AliasToken(alias.Id, NewSecret()).Encode();

        using var response = await RetrieveAsync(alias.Id, token, passcode: Passcode);

        await ShouldBeRefusedAsync(response, "bad_signature", alias, token);
    }

    // ---- row 4: a valid alias token → host view (host true) or public view ------------------------------------------

    [Test]
    public async Task Retrieve_WithValidAliasTokenHostTrue_ReturnsHostViewWithStreamKey()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, AliasToken(alias).WithClaim("host", true).Encode());

        await ShouldBeViewAsync(response, alias, ExpectedView.Host);
    }

    [Test]
    public async Task Retrieve_WithValidAliasTokenHostFalse_ReturnsPublicView()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, AliasToken(alias).WithClaim("host", false).Encode());

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_WithValidAliasTokenWithoutHostClaim_ReturnsPublicView()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

        using var response = await RetrieveAsync(alias.Id, AliasToken(alias).Encode());

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_WithValidHostTokenAndAWrongPasscode_ReturnsHostViewBecauseTheTokenDecides()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, AliasToken(alias).WithClaim("host", true).Encode(), passcode: "wrong-passcode");

        await ShouldBeViewAsync(response, alias, ExpectedView.Host);
    }

    // ---- row 5: a protected alias needs the right passcode, or a token ----------------------------------------------

    [Test]
    public async Task Retrieve_PasscodeAliasWithRightPasscode_ReturnsPublicView()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, passcode: Passcode);

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_PasscodeAliasWithWrongPasscode_Returns401InvalidPasscode()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, passcode: "0000");

        await ShouldBeRefusedAsync(response, "invalid_passcode", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_PasscodeAliasWithPasscodeDifferingOnlyInCase_Returns401InvalidPasscode()
    {
        var alias = await CreateTestAliasAsync(passcode: "Room-Passcode");

        using var response = await RetrieveAsync(alias.Id, passcode: "room-passcode");

        await ShouldBeRefusedAsync(response, "invalid_passcode", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_PasscodeAliasWithPasscodeWithTrailingSpace_Returns401InvalidPasscode()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, passcode: Passcode + " ");

        await ShouldBeRefusedAsync(response, "invalid_passcode", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_PasscodeAliasWithoutCredential_Returns401CredentialsRequired()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeRefusedAsync(response, "credentials_required", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_PasscodeAndSecretAliasWithRightPasscode_ReturnsPublicView()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode);

        using var response = await RetrieveAsync(alias.Id, passcode: Passcode);

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_SecretOnlyAliasWithoutToken_Returns401CredentialsRequired()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeRefusedAsync(response, "credentials_required", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_SecretOnlyAliasWithAPasscodeInsteadOfAToken_Returns401()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

        using var response = await RetrieveAsync(alias.Id, passcode: "1234");

        await ShouldBeRefusedAsync(response, "invalid_passcode", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_SecretOnlyAliasWithTheSecretAsPasscode_Returns401()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());

        using var response = await RetrieveAsync(alias.Id, passcode: alias.Secret);

        await ShouldBeRefusedAsync(response, "invalid_passcode", alias, tokenSent: null);
    }

    // ---- row 6: an unprotected alias → public view -------------------------------------------------------------

    [Test]
    public async Task Retrieve_UnprotectedAliasWithoutCredential_ReturnsPublicViewWithoutStreamKey()
    {
        var alias = await CreateTestAliasAsync();

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasWithAnyPasscode_ReturnsPublicView()
    {
        var alias = await CreateTestAliasAsync();

        using var response = await RetrieveAsync(alias.Id, passcode: "anything");

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    // ---- row 7: expiry, after the credential ------------------------------------------------------------------------

    [Test]
    public async Task Retrieve_ExpiredAliasWithRightPasscode_Returns410()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode, expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(601));

        using var response = await RetrieveAsync(alias.Id, passcode: Passcode);

        await ShouldBeGoneAsync(response, alias);
    }

    [Test]
    public async Task Retrieve_ExpiredAliasWithValidHostToken_Returns410()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(601));

        using var response = await RetrieveAsync(alias.Id, AliasToken(alias).WithClaim("host", true).Encode());

        await ShouldBeGoneAsync(response, alias);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasAtExactlyItsExpiredAt_Returns410()
    {
        var alias = await CreateTestAliasAsync(expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(600));

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeGoneAsync(response, alias);
    }

    [Test]
    public async Task Retrieve_UnprotectedAliasOneSecondBeforeItsExpiredAt_ReturnsPublicView()
    {
        var alias = await CreateTestAliasAsync(expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(599));

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeViewAsync(response, alias, ExpectedView.Public);
    }

    [Test]
    public async Task Retrieve_ExpiredProtectedAliasWithoutCredential_Returns401CredentialsRequiredNot410()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: Passcode, expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(601));

        using var response = await RetrieveAsync(alias.Id);

        await ShouldBeRefusedAsync(response, "credentials_required", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_ExpiredProtectedAliasWithWrongPasscode_Returns401InvalidPasscodeNot410()
    {
        var alias = await CreateTestAliasAsync(passcode: Passcode, expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(601));

        using var response = await RetrieveAsync(alias.Id, passcode: "0000");

        await ShouldBeRefusedAsync(response, "invalid_passcode", alias, tokenSent: null);
    }

    [Test]
    public async Task Retrieve_ExpiredUnprotectedAliasWithBadToken_Returns401Not410()
    {
        var alias = await CreateTestAliasAsync(expiredAt: Factory.Now + 600);
        Factory.Clock.Advance(TimeSpan.FromSeconds(601));

        using var response = await RetrieveAsync(alias.Id, "not.a.token");

        await ShouldBeRefusedAsync(response, "malformed", alias, "not.a.token");
    }

    private async Task DeleteAsync(TestAlias alias)
    {
        using var response = await Client.DeleteAsync(Routes.Delete(alias.Id));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue("the delete should succeed: {0}", text);
        text.Should().Be("{\"message\":\"Alias deleted successfully.\"}");
    }
}
