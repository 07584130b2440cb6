using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.JwtKeys.Queries.ListJwtKeys;
using AliasService.Application.UnitTests.TestSupport;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.Aliases.Queries.ListAliases;

[TestFixture]
public sealed class ListAliasesQueryValidatorTests
{
    private readonly ListAliasesQueryValidator _validator = new(new TestCursors());

    private static ListAliasesQuery Query(int? limit = null, string? type = null, string? after = null) =>
        new("org_1", type, after, limit);

    [Test]
    public void Validate_WithNothingButTheOrganization_Passes()
    {
        _validator.TestValidate(Query()).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(1)]
    [TestCase(25)]
    [TestCase(100)]
    public void Validate_WithLimitFrom1To100_Passes(int limit)
    {
        _validator.TestValidate(Query(limit: limit)).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(101)]
    [TestCase(int.MaxValue)]
    public void Validate_WithLimitOutside1To100_FailsForLimit(int limit)
    {
        var result = _validator.TestValidate(Query(limit: limit));

        result.ShouldHaveValidationErrorFor(q => q.Limit).WithErrorMessage("must be an integer from 1 to 100");
    }

    [TestCase("conference")]
    [TestCase("live")]
    public void Validate_WithKnownType_Passes(string type)
    {
        _validator.TestValidate(Query(type: type)).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase("")]
    [TestCase("Live")]
    [TestCase("webinar")]
    public void Validate_WithUnknownType_FailsForType(string type)
    {
        _validator.TestValidate(Query(type: type)).ShouldHaveValidationErrorFor(q => q.Type);
    }

    [Test]
    public void Validate_WithACursorThisListingIssuedToTheOrganization_Passes()
    {
        var after = new TestCursors().Protect<ListAliasesQuery>(new KeysetCursor(1_900_000_000, "AbC-_12345678901"), "org_1");

        _validator.TestValidate(Query(after: after)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithACursorIssuedToAnotherOrganization_FailsForAfter()
    {
        var after = new TestCursors().Protect<ListAliasesQuery>(new KeysetCursor(1_900_000_000, "AbC-_12345678901"), "org_2");

        _validator.TestValidate(Query(after: after)).ShouldHaveValidationErrorFor(q => q.After);
    }

    [Test]
    public void Validate_WithACursorOfAnotherListing_FailsForAfter()
    {
        var after = new TestCursors().Protect<ListJwtKeysQuery>(new KeysetCursor(1_900_000_000, "AbC-_12345678901"), "org_1");

        _validator.TestValidate(Query(after: after)).ShouldHaveValidationErrorFor(q => q.After);
    }

    [TestCase("")]
    [TestCase("garbage!")]
    [TestCase("MTIzNDU")] // base64url of "12345": no id
    public void Validate_WithBadCursorText_FailsForAfter(string after)
    {
        var result = _validator.TestValidate(Query(after: after));

        result.ShouldHaveValidationErrorFor(q => q.After).WithErrorMessage("is not a cursor returned by this listing");
    }
}
