using AliasService.Application.Aliases.Commands.CreateAlias;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.Aliases.Commands.CreateAlias;

[TestFixture]
public sealed class CreateAliasCommandValidatorTests
{
    private readonly CreateAliasCommandValidator _validator = new();

    private static CreateAliasCommand Command(string? type = "conference", long? expiredAt = 2_000_000_000) =>
        new("org_1", type, null, null, null, null, expiredAt);

    [TestCase("conference")]
    [TestCase("live")]
    public void Validate_WithKnownTypeAndExpiry_Passes(string type)
    {
        _validator.TestValidate(Command(type: type)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithoutType_FailsOnceSayingItIsRequired()
    {
        var result = _validator.TestValidate(Command(type: null));

        result.ShouldHaveValidationErrorFor(c => c.Type).WithErrorMessage("is required").Only();
    }

    [TestCase("")]
    [TestCase("Conference")]
    [TestCase("LIVE")]
    [TestCase(" live")]
    [TestCase("webinar")]
    public void Validate_WithTypeNotExactlyConferenceOrLive_FailsForType(string type)
    {
        var result = _validator.TestValidate(Command(type: type));

        result.ShouldHaveValidationErrorFor(c => c.Type).WithErrorMessage("must be \"conference\" or \"live\"");
    }

    [Test]
    public void Validate_WithoutExpiredAt_FailsForExpiredAt()
    {
        var result = _validator.TestValidate(Command(expiredAt: null));

        result.ShouldHaveValidationErrorFor(c => c.ExpiredAt).WithErrorMessage("is required (Unix time in seconds)");
    }

    [Test]
    public void Validate_WithoutTypeAndExpiredAt_ReportsBoth()
    {
        var result = _validator.TestValidate(Command(type: null, expiredAt: null));

        result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("Type", "ExpiredAt");
    }
}
