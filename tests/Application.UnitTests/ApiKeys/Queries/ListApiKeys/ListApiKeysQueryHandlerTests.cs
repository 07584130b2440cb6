using System.Text.Json;
using AliasService.Application.ApiKeys;
using AliasService.Application.ApiKeys.Queries.ListApiKeys;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Organizations;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AliasService.Application.UnitTests.ApiKeys.Queries.ListApiKeys;

[TestFixture]
public sealed class ListApiKeysQueryHandlerTests
{
    private FakeTimeProvider _clock = null!;
    private Organization _organization = null!;
    private Mock<IOrganizationRepository> _organizations = null!;
    private ListApiKeysQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _organization = Organization.Create("Acme", _clock);
        _organizations = new Mock<IOrganizationRepository>();
        _organizations.Setup(r => r.FindAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_organization);
        _handler = new ListApiKeysQueryHandler(_organizations.Object, TestMapper.Create());
    }

    private Task<IReadOnlyList<ApiKeyDto>> List() => _handler.Handle(new ListApiKeysQuery(_organization.Id), CancellationToken.None);

    [Test]
    public async Task Handle_KeysCreatedAtDifferentTimes_ListsThemNewestFirst()
    {
        _clock.Advance(TimeSpan.FromSeconds(10));
        _organization.IssueApiKey(null, _clock);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _organization.IssueApiKey(null, _clock);

        var keys = await List();

        keys.Select(k => k.CreatedAt).Should().Equal(TestClock.StartSeconds + 20, TestClock.StartSeconds + 10, TestClock.StartSeconds);
    }

    [Test]
    public async Task Handle_KeysCreatedInTheSameSecond_BreaksTheTieByIdDescendingOrdinal()
    {
        _organization.IssueApiKey(null, _clock);
        _organization.IssueApiKey(null, _clock);
        _organization.IssueApiKey(null, _clock);

        var keys = await List();

        var expected = _organization.ApiKeys.Select(k => k.Id).OrderDescending(StringComparer.Ordinal);
        keys.Select(k => k.Id).Should().Equal(expected);
    }

    [Test]
    public async Task Handle_Always_ListsRevokedKeysWithTheirRevocationTime()
    {
        var oldKey = _organization.ApiKeys.Single();
        _clock.Advance(TimeSpan.FromSeconds(10));
        _organization.IssueApiKey(null, _clock);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _organization.RevokeApiKey(oldKey.Id, null, _clock);

        var keys = await List();

        keys.Should().HaveCount(2);
        keys.Single(k => k.Id == oldKey.Id).RevokedAt.Should().Be(TestClock.StartSeconds + 20);
    }

    [Test]
    public async Task Handle_Always_MapsIdAndTimes()
    {
        var key = _organization.ApiKeys.Single();

        var keys = await List();

        keys.Should().Equal(new ApiKeyDto(key.Id, TestClock.StartSeconds, null, null));
    }

    [Test]
    public void ApiKeyDto_HasNoSecretMember()
    {
        typeof(ApiKeyDto).GetProperties().Select(p => p.Name)
            .Should().BeEquivalentTo("Id", "CreatedAt", "LastUsedAt", "RevokedAt", "ExpiresAt");
    }

    [Test]
    public async Task Handle_Always_NeverCarriesASecretWhenSerialized()
    {
        _organization.IssueApiKey(null, _clock);

        var json = JsonSerializer.Serialize(await List());

        foreach (var key in _organization.ApiKeys)
        {
            json.Should().NotContain(key.Secret);
        }

        json.Should().NotContainEquivalentOf("secret");
    }

    [Test]
    public async Task Handle_UnknownOrganization_ThrowsOrganizationNotFoundException()
    {
        var act = () => _handler.Handle(new ListApiKeysQuery("org_missing"), CancellationToken.None);

        (await act.Should().ThrowAsync<OrganizationNotFoundException>()).Which.OrganizationId.Should().Be("org_missing");
    }
}
