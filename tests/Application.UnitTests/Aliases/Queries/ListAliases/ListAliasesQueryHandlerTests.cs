using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using Moq;

namespace AliasService.Application.UnitTests.Aliases.Queries.ListAliases;

[TestFixture]
public sealed class ListAliasesQueryHandlerTests
{
    private Mock<IAliasRepository> _aliases = null!;
    private ListAliasesQueryHandler _handler = null!;
    private List<Alias> _rows = null!;

    [SetUp]
    public void SetUp()
    {
        _rows = [];
        _aliases = new Mock<IAliasRepository>();
        _aliases
            .Setup(r => r.ListAsync(It.IsAny<string>(), It.IsAny<AliasType?>(), It.IsAny<KeysetCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, AliasType? _, KeysetCursor? _, int take, CancellationToken _) => _rows.Take(take).ToList());
        _handler = new ListAliasesQueryHandler(_aliases.Object, new TestCursors(), TestMapper.Create());
    }

    /// <summary>Stores <paramref name="count"/> aliases, one second apart, and keeps them newest first as the port promises.</summary>
    private void GivenStoredAliases(int count)
    {
        var clock = TestClock.Create();
        var created = new List<Alias>();
        for (var i = 0; i < count; i++)
        {
            created.Add(TestAliases.Create(clock, name: $"alias {i}"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        _rows = created.AsEnumerable().Reverse().ToList();
    }

    private static ListAliasesQuery Query(int? limit = null, string? type = null, string? after = null) =>
        new(TestAliases.OrganizationId, type, after, limit);

    [Test]
    public async Task Handle_WithoutLimit_FetchesTheDefault25PlusOne()
    {
        await _handler.Handle(Query(), CancellationToken.None);

        _aliases.Verify(r => r.ListAsync(TestAliases.OrganizationId, null, null, 26, It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(1)]
    [TestCase(10)]
    [TestCase(100)]
    public async Task Handle_WithLimit_FetchesOneRowMoreThanTheLimit(int limit)
    {
        await _handler.Handle(Query(limit), CancellationToken.None);

        _aliases.Verify(r => r.ListAsync(It.IsAny<string>(), It.IsAny<AliasType?>(), It.IsAny<KeysetCursor?>(), limit + 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutLimitAndMoreThan25Stored_ReturnsExactly25Entries()
    {
        GivenStoredAliases(30);

        var page = await _handler.Handle(Query(), CancellationToken.None);

        page.Entries.Should().HaveCount(25);
    }

    [Test]
    public async Task Handle_Always_AsksOnlyForTheCallingOrganizationsAliases()
    {
        await _handler.Handle(new ListAliasesQuery("org_caller", null, null, null), CancellationToken.None);

        _aliases.Verify(r => r.ListAsync("org_caller", It.IsAny<AliasType?>(), It.IsAny<KeysetCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(5)]
    public async Task Handle_WhenNoMoreRowsThanTheLimitExist_ReturnsAllOfThemAndNoCursor(int stored)
    {
        GivenStoredAliases(stored);

        var page = await _handler.Handle(Query(limit: 5), CancellationToken.None);

        page.After.Should().BeNull();
        page.Entries.Select(e => e.Id).Should().Equal(_rows.Select(a => a.Id));
    }

    [Test]
    public async Task Handle_WhenMoreRowsThanTheLimitExist_ReturnsLimitEntriesInRepositoryOrder()
    {
        GivenStoredAliases(6);

        var page = await _handler.Handle(Query(limit: 5), CancellationToken.None);

        page.Entries.Select(e => e.Id).Should().Equal(_rows.Take(5).Select(a => a.Id));
    }

    [Test]
    public async Task Handle_WhenMoreRowsThanTheLimitExist_ReturnsACursorAtTheLastReturnedEntry()
    {
        GivenStoredAliases(6);
        var lastReturned = _rows[4];

        var page = await _handler.Handle(Query(limit: 5), CancellationToken.None);

        new TestCursors().TryUnprotect<ListAliasesQuery>(page.After, TestAliases.OrganizationId, out var cursor).Should().BeTrue();
        cursor.Should().Be(new KeysetCursor(lastReturned.InsertedAt, lastReturned.Id));
    }

    [Test]
    public async Task Handle_WithTheReturnedCursor_PassesTheSameKeysetPositionToTheRepository()
    {
        GivenStoredAliases(6);
        var firstPage = await _handler.Handle(Query(limit: 5), CancellationToken.None);

        await _handler.Handle(Query(limit: 5, after: firstPage.After), CancellationToken.None);

        var expected = new KeysetCursor(_rows[4].InsertedAt, _rows[4].Id);
        _aliases.Verify(r => r.ListAsync(It.IsAny<string>(), It.IsAny<AliasType?>(), expected, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutCursor_PassesNoKeysetPosition()
    {
        await _handler.Handle(Query(), CancellationToken.None);

        _aliases.Verify(r => r.ListAsync(It.IsAny<string>(), It.IsAny<AliasType?>(), null, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase("conference", AliasType.Conference)]
    [TestCase("live", AliasType.Live)]
    public async Task Handle_WithTypeFilter_PassesTheTypeToTheRepository(string wireType, AliasType expected)
    {
        await _handler.Handle(Query(type: wireType), CancellationToken.None);

        _aliases.Verify(r => r.ListAsync(It.IsAny<string>(), expected, It.IsAny<KeysetCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutTypeFilter_PassesNoType()
    {
        await _handler.Handle(Query(), CancellationToken.None);

        _aliases.Verify(r => r.ListAsync(It.IsAny<string>(), null, It.IsAny<KeysetCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_Always_ReturnsOwnerViewsWithSecrets()
    {
        GivenStoredAliases(2);

        var page = await _handler.Handle(Query(), CancellationToken.None);

        page.Entries.Should().AllSatisfy(e => e.Should().BeEquivalentTo(new
        {
            Type = "conference",
            Passcode = TestAliases.Passcode,
            JwtSecret = TestAliases.JwtSecret,
            StreamKey = TestAliases.StreamKey,
        }));
    }

    [Test]
    public async Task Handle_Always_PassesTheCancellationTokenToTheRepository()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(Query(), cancellation.Token);

        _aliases.Verify(r => r.ListAsync(It.IsAny<string>(), It.IsAny<AliasType?>(), It.IsAny<KeysetCursor?>(), It.IsAny<int>(), cancellation.Token), Times.Once);
    }
}
