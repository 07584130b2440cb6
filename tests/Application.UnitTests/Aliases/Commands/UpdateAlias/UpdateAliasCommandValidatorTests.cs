using AliasService.Application.Aliases.Commands.UpdateAlias;
using AliasService.Domain.Common;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.Aliases.Commands.UpdateAlias;

[TestFixture]
public sealed class UpdateAliasCommandValidatorTests
{
    private readonly UpdateAliasCommandValidator _validator = new();

    private static UpdateAliasCommand Command() => new("org_1", "alias_1");

    [Test]
    public void Validate_WithNoFieldsPresent_Passes()
    {
        _validator.TestValidate(Command()).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithEveryFieldPresentAndValid_Passes()
    {
        var command = Command() with
        {
            Type = "live",
            Name = "n",
            Passcode = "1234",
            JwtSecret = "s",
            StreamKey = "k",
            ExpiredAt = 2_000_000_000L,
        };

        _validator.TestValidate(command).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithTypeNull_FailsForTypeSayingItCannotBeCleared()
    {
        var result = _validator.TestValidate(Command() with { Type = new Optional<string>(null!) });

        result.ShouldHaveValidationErrorFor("type").WithErrorMessage("cannot be cleared; leave it out to keep it").Only();
    }

    [TestCase("")]
    [TestCase("Live")]
    [TestCase("webinar")]
    public void Validate_WithUnknownType_FailsForType(string type)
    {
        var result = _validator.TestValidate(Command() with { Type = type });

        result.ShouldHaveValidationErrorFor("type").WithErrorMessage("must be \"conference\" or \"live\"");
    }

    [Test]
    public void Validate_WithNullableFieldsCleared_Passes()
    {
        var command = Command() with
        {
            Name = new Optional<string?>(null),
            Passcode = new Optional<string?>(null),
            JwtSecret = new Optional<string?>(null),
            StreamKey = new Optional<string?>(null),
        };

        _validator.TestValidate(command).ShouldNotHaveAnyValidationErrors();
    }
}
