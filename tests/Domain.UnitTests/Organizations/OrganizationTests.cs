using System.Buffers.Text;
using System.Text;
using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using AliasService.Domain.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Domain.UnitTests.Organizations;

[TestFixture]
public sealed class OrganizationTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp() => _clock = TestClock.Create();

    [Test]
    public void Create_WithValidName_StoresNameAndCreationTime()
    {
        var organization = Organization.Create("Acme", _clock);

        organization.Should().BeEquivalentTo(new { Name = "Acme", CreatedAt = TestClock.StartSeconds }, o => o.ExcludingMissingMembers());
    }

    [Test]
    public void Create_WithValidName_HasExactlyOneActiveApiKey()
    {
        var organization = Organization.Create("Acme", _clock);

        organization.ApiKeys.Should().ContainSingle().Which.IsLasting.Should().BeTrue();
    }

    [Test]
    public void Create_FirstApiKey_BelongsToTheOrganization()
    {
        var organization = Organization.Create("Acme", _clock);

        organization.ApiKeys.Single().OrganizationId.Should().Be(organization.Id);
    }

    [Test]
    public void Create_FirstApiKey_HasAPrefixedIdAndAtLeast256BitSecret()
    {
        var key = Organization.Create("Acme", _clock).ApiKeys.Single();

        key.Id.Should().StartWith("ak_");
        key.Secret.Should().StartWith("sk_");
        Base64Url.DecodeFromChars(key.Secret.AsSpan("sk_".Length)).Length.Should().BeGreaterThanOrEqualTo(32);
    }

    [Test]
    public void Create_FirstApiKey_SecretIsAtLeast32Utf8BytesSoItCanSignHs256()
    {
        var key = Organization.Create("Acme", _clock).ApiKeys.Single();

        Encoding.UTF8.GetByteCount(key.Secret).Should().BeGreaterThanOrEqualTo(32);
    }

    [Test]
    public void Create_Twice_GivesDifferentUrlSafeIds()
    {
        var first = Organization.Create("Acme", _clock);
        var second = Organization.Create("Acme", _clock);

        first.Id.Should().NotBe(second.Id).And.MatchRegex("^org_[A-Za-z0-9_-]+$");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void Create_WithBlankName_ThrowsForName(string name)
    {
        var act = () => Organization.Create(name, _clock);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("name");
    }

    [Test]
    public void Create_WithNameOf101Characters_ThrowsForName()
    {
        var act = () => Organization.Create(Text.Ascii(101), _clock);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().Equal("name");
    }

    [Test]
    public void Create_WithNameOf100Characters_Succeeds()
    {
        var organization = Organization.Create(Text.Ascii(100), _clock);

        organization.Name.Should().HaveLength(100);
    }

    [Test]
    public void Create_WithNullName_ThrowsArgumentNullException()
    {
        var act = () => Organization.Create(null!, _clock);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void IssueApiKey_AddsASecondActiveKeyWithItsOwnIdAndSecret()
    {
        var organization = Organization.Create("Acme", _clock);
        var first = organization.ApiKeys.Single();

        var second = organization.IssueApiKey(null, _clock);

        organization.ApiKeys.Should().HaveCount(2).And.OnlyContain(k => k.IsLasting);
        second.Id.Should().NotBe(first.Id);
        second.Secret.Should().NotBe(first.Secret);
    }

    [Test]
    public void RevokeApiKey_OfTheOnlyActiveKey_ThrowsDomainRuleException()
    {
        var organization = Organization.Create("Acme", _clock);
        var onlyKey = organization.ApiKeys.Single();

        var act = () => organization.RevokeApiKey(onlyKey.Id, null, _clock);

        act.Should().Throw<DomainRuleException>().WithMessage("*last active API key*");
    }

    [Test]
    public void RevokeApiKey_OfTheOnlyActiveKey_LeavesItActive()
    {
        var organization = Organization.Create("Acme", _clock);
        var onlyKey = organization.ApiKeys.Single();

        try
        {
            organization.RevokeApiKey(onlyKey.Id, null, _clock);
        }
        catch (DomainRuleException)
        {
            // Expected; the assertion is about the state left behind.
        }

        onlyKey.Should().BeEquivalentTo(new { IsLasting = true, RevokedAt = (long?)null });
    }

    [Test]
    public void RevokeApiKey_WhenAnotherActiveKeyExists_RevokesItAtTheCurrentTime()
    {
        var organization = Organization.Create("Acme", _clock);
        var oldKey = organization.ApiKeys.Single();
        organization.IssueApiKey(null, _clock);
        _clock.Advance(TimeSpan.FromMinutes(10));

        var revoked = organization.RevokeApiKey(oldKey.Id, null, _clock);

        revoked.Should().BeSameAs(oldKey);
        revoked.Should().BeEquivalentTo(new { IsLasting = false, RevokedAt = (long?)(TestClock.StartSeconds + 600) });
    }

    [Test]
    public void RevokeApiKey_WhenAnotherActiveKeyExists_LeavesTheOtherKeyActive()
    {
        var organization = Organization.Create("Acme", _clock);
        var oldKey = organization.ApiKeys.Single();
        var newKey = organization.IssueApiKey(null, _clock);

        organization.RevokeApiKey(oldKey.Id, null, _clock);

        newKey.IsLasting.Should().BeTrue();
    }

    [Test]
    public void RevokeApiKey_OfTheRemainingKeyAfterRevokingTheOther_ThrowsDomainRuleException()
    {
        var organization = Organization.Create("Acme", _clock);
        var oldKey = organization.ApiKeys.Single();
        var newKey = organization.IssueApiKey(null, _clock);
        organization.RevokeApiKey(oldKey.Id, null, _clock);

        var act = () => organization.RevokeApiKey(newKey.Id, null, _clock);

        act.Should().Throw<DomainRuleException>();
    }

    [Test]
    public void RevokeApiKey_OfAnAlreadyRevokedKey_KeepsTheFirstRevocationTime()
    {
        var organization = Organization.Create("Acme", _clock);
        var oldKey = organization.ApiKeys.Single();
        organization.IssueApiKey(null, _clock);
        organization.RevokeApiKey(oldKey.Id, null, _clock);
        _clock.Advance(TimeSpan.FromHours(1));

        organization.RevokeApiKey(oldKey.Id, null, _clock);

        oldKey.RevokedAt.Should().Be(TestClock.StartSeconds);
    }

    [Test]
    public void RevokeApiKey_WithUnknownId_ThrowsApiKeyNotFoundExceptionNamingTheId()
    {
        var organization = Organization.Create("Acme", _clock);

        var act = () => organization.RevokeApiKey("ak_unknown", null, _clock);

        act.Should().Throw<ApiKeyNotFoundException>().Which.ApiKeyId.Should().Be("ak_unknown");
    }

    [Test]
    public void RevokeApiKey_WithAnotherOrganizationsKeyId_ThrowsApiKeyNotFoundException()
    {
        var organization = Organization.Create("Acme", _clock);
        organization.IssueApiKey(null, _clock);
        var foreignKey = Organization.Create("Globex", _clock).ApiKeys.Single();

        var act = () => organization.RevokeApiKey(foreignKey.Id, null, _clock);

        act.Should().Throw<ApiKeyNotFoundException>();
    }
}
