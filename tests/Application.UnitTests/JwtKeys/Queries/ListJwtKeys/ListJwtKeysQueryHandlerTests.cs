using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.JwtKeys.Queries.ListJwtKeys;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.JwtKeys;
using Moq;

namespace AliasService.Application.UnitTests.JwtKeys.Queries.ListJwtKeys;

[TestFixture]
public sealed class ListJwtKeysQueryHandlerTests
{
    private Mock<IJwtKeyRepository> _keys = null!;
    private ListJwtKeysQueryHandler _handler = null!;
    private List<JwtKey> _rows = null!;

    [SetUp]
    public void SetUp()
    {
        _rows = [];
        _keys = new Mock<IJwtKeyRepository>();
        _keys
            .Setup(r => r.ListAsync(It.IsAny<string>(), It.IsAny<KeysetCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, KeysetCursor? _, int take, CancellationToken _) => _rows.Take(take).ToList());
        _handler = new ListJwtKeysQueryHandler(_keys.Object, new TestCursors(), TestMapper.Create());
    }

    /// <summary>Stores <paramref name="count"/> keys, one second apart, newest first as the port promises.</summary>
    private void GivenStoredKeys(int count)
    {
        var clock = TestClock.Create();
        var created = new List<JwtKey>();
        for (var i = 0; i < count; i++)
        {
            created.Add(TestJwtKeys.Create(clock, name: $"key {i}"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        _rows = created.AsEnumerable().Reverse().ToList();
    }

    private static ListJwtKeysQuery Query(int? limit = null, string? after = null) => new(TestAliases.OrganizationId, after, limit);

    [Test]
    public async Task Handle_WithoutLimit_FetchesTheDefault25PlusOne()
    {
        await _handler.Handle(Query(), CancellationToken.None);

        _keys.Verify(r => r.ListAsync(TestAliases.OrganizationId, null, 26, It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(1)]
    [TestCase(10)]
    [TestCase(100)]
    public async Task Handle_WithLimit_FetchesOneRowMoreThanTheLimit(int limit)
    {
        await _handler.Handle(Query(limit), CancellationToken.None);

        _keys.Verify(r => r.ListAsync(It.IsAny<string>(), It.IsAny<KeysetCursor?>(), limit + 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_Always_AsksOnlyForTheCallingOrganizationsKeysWithTheCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new ListJwtKeysQuery("org_caller", null, null), cancellation.Token);

        _keys.Verify(r => r.ListAsync("org_caller", It.IsAny<KeysetCursor?>(), It.IsAny<int>(), cancellation.Token), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutLimitAndMoreThan25Stored_ReturnsExactly25Entries()
    {
        GivenStoredKeys(30);

        var page = await _handler.Handle(Query(), CancellationToken.None);

        page.Entries.Should().HaveCount(25);
        page.After.Should().NotBeNull();
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task Handle_WhenNoMoreRowsThanTheLimitExist_ReturnsAllOfThemAndNoCursor(int stored)
    {
        GivenStoredKeys(stored);

        var page = await _handler.Handle(Query(limit: 3), CancellationToken.None);

        page.After.Should().BeNull();
        page.Entries.Select(e => e.Id).Should().Equal(_rows.Select(k => k.Id));
    }

    [Test]
    public async Task Handle_WhenMoreRowsThanTheLimitExist_ReturnsLimitEntriesInRepositoryOrder()
    {
        GivenStoredKeys(4);

        var page = await _handler.Handle(Query(limit: 3), CancellationToken.None);

        page.Entries.Select(e => e.Id).Should().Equal(_rows.Take(3).Select(k => k.Id));
    }

    [Test]
    public async Task Handle_WhenMoreRowsThanTheLimitExist_ReturnsACursorAtCreatedAtAndIdOfTheLastReturnedEntry()
    {
        GivenStoredKeys(4);
        var lastReturned = _rows[2];

        var page = await _handler.Handle(Query(limit: 3), CancellationToken.None);

        new TestCursors().TryUnprotect<ListJwtKeysQuery>(page.After, TestAliases.OrganizationId, out var cursor).Should().BeTrue();
        cursor.Should().Be(new KeysetCursor(lastReturned.CreatedAt, lastReturned.Id));
    }

    [Test]
    public async Task Handle_WithTheReturnedCursor_PassesTheSameKeysetPositionToTheRepository()
    {
        GivenStoredKeys(4);
        var firstPage = await _handler.Handle(Query(limit: 3), CancellationToken.None);

        await _handler.Handle(Query(limit: 3, after: firstPage.After), CancellationToken.None);

        var expected = new KeysetCursor(_rows[2].CreatedAt, _rows[2].Id);
        _keys.Verify(r => r.ListAsync(It.IsAny<string>(), expected, 4, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutCursor_PassesNoKeysetPosition()
    {
        await _handler.Handle(Query(), CancellationToken.None);

        _keys.Verify(r => r.ListAsync(It.IsAny<string>(), null, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_Always_MapsEveryEntryToTheWireObject()
    {
        GivenStoredKeys(1);

        var page = await _handler.Handle(Query(), CancellationToken.None);

        page.Entries.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            _rows[0].Id,
            Name = "key 0",
            PublicKey = TestJwtKeys.Pem,
            Algorithm = "ES256",
            Fingerprint = "thumbprint-base64url",
            CreatedAt = TestClock.StartSeconds,
            UpdatedAt = TestClock.StartSeconds,
        });
    }
}
