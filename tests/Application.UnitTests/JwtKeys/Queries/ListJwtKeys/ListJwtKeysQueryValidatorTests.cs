using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.JwtKeys.Queries.ListJwtKeys;
using AliasService.Application.UnitTests.TestSupport;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.JwtKeys.Queries.ListJwtKeys;

[TestFixture]
public sealed class ListJwtKeysQueryValidatorTests
{
    private readonly ListJwtKeysQueryValidator _validator = new(new TestCursors());

    [Test]
    public void Validate_WithoutLimitAndCursor_Passes()
    {
        _validator.TestValidate(new ListJwtKeysQuery("org_1", null, null)).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(1)]
    [TestCase(100)]
    public void Validate_WithLimitFrom1To100_Passes(int limit)
    {
        _validator.TestValidate(new ListJwtKeysQuery("org_1", null, limit)).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(101)]
    public void Validate_WithLimitOutside1To100_FailsForLimit(int limit)
    {
        _validator.TestValidate(new ListJwtKeysQuery("org_1", null, limit))
            .ShouldHaveValidationErrorFor(q => q.Limit).WithErrorMessage("must be an integer from 1 to 100");
    }

    [Test]
    public void Validate_WithACursorTheListingIssued_Passes()
    {
        var after = new TestCursors().Protect<ListJwtKeysQuery>(new KeysetCursor(1_900_000_000, "jwk_abc"), "org_1");

        _validator.TestValidate(new ListJwtKeysQuery("org_1", after, null)).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase("")]
    [TestCase("not a cursor")]
    [TestCase("bm8tY29sb24")]
    public void Validate_WithACursorTheListingNeverIssued_FailsForAfter(string after)
    {
        _validator.TestValidate(new ListJwtKeysQuery("org_1", after, null))
            .ShouldHaveValidationErrorFor(q => q.After).WithErrorMessage("is not a cursor returned by this listing");
    }
}
