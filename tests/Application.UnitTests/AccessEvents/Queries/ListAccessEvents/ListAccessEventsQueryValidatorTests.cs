using AliasService.Application.AccessEvents.Queries.ListAccessEvents;
using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Paging;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.AccessEvents;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.AccessEvents.Queries.ListAccessEvents;

[TestFixture]
public sealed class ListAccessEventsQueryValidatorTests
{
    private const string AliasId = "Jm3cX0d8nQ2rT5vY";
    private readonly TestCursors _cursors = new();
    private ListAccessEventsQueryValidator _validator = null!;

    [SetUp]
    public void SetUp() => _validator = new ListAccessEventsQueryValidator(_cursors);

    private static ListAccessEventsQuery Query(string? outcome = null, string? after = null, int? limit = null) =>
        new("org_1", AliasId, outcome, after, limit);

    [Test]
    public void Validate_WithNothingButTheAlias_Passes()
    {
        _validator.TestValidate(Query()).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithEveryRecordedOutcome_Passes()
    {
        foreach (var outcome in AccessOutcomes.All)
        {
            _validator.TestValidate(Query(outcome: outcome)).ShouldNotHaveAnyValidationErrors();
        }
    }

    [TestCase("")]
    [TestCase("Granted")]
    [TestCase("not_found")]
    public void Validate_WithUnknownOutcome_FailsForOutcome(string outcome)
    {
        _validator.TestValidate(Query(outcome: outcome)).ShouldHaveValidationErrorFor(q => q.Outcome);
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Validate_WithLimitOutside1To100_FailsForLimit(int limit)
    {
        _validator.TestValidate(Query(limit: limit)).ShouldHaveValidationErrorFor(q => q.Limit);
    }

    [Test]
    public void Validate_WithACursorOfThisAlias_Passes()
    {
        var cursor = _cursors.Protect<ListAccessEventsQuery>(new KeysetCursor(42, AliasId), "org_1");

        _validator.TestValidate(Query(after: cursor)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithACursorOfAnotherAlias_FailsForAfter()
    {
        var cursor = _cursors.Protect<ListAccessEventsQuery>(new KeysetCursor(42, "Q2rT5vYJm3cX0d8n"), "org_1");

        _validator.TestValidate(Query(after: cursor)).ShouldHaveValidationErrorFor(q => q.After);
    }

    [Test]
    public void Validate_WithACursorOfAnotherListing_FailsForAfter()
    {
        var cursor = _cursors.Protect<ListAliasesQuery>(new KeysetCursor(42, AliasId), "org_1");

        _validator.TestValidate(Query(after: cursor)).ShouldHaveValidationErrorFor(q => q.After);
    }
}
