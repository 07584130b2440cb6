using AliasService.Application.Organizations.Commands.CreateOrganization;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.Organizations.Commands.CreateOrganization;

[TestFixture]
public sealed class CreateOrganizationCommandValidatorTests
{
    private readonly CreateOrganizationCommandValidator _validator = new();

    [TestCase("A")]
    [TestCase("Acme Corporation")]
    public void Validate_WithName_Passes(string name)
    {
        _validator.TestValidate(new CreateOrganizationCommand(name)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithNameOf100Characters_Passes()
    {
        _validator.TestValidate(new CreateOrganizationCommand(new string('a', 100))).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(null)]
    [TestCase("")]
    public void Validate_WithoutName_FailsSayingItIsRequired(string? name)
    {
        _validator.TestValidate(new CreateOrganizationCommand(name))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage("is required");
    }

    [Test]
    public void Validate_WithNameOf101Characters_FailsForName()
    {
        _validator.TestValidate(new CreateOrganizationCommand(new string('a', 101)))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage("must be 1 to 100 characters");
    }

    [TestCase("   ")]
    [TestCase("\u200D")]
    public void Validate_WithBlankName_FailsSayingItIsBlank(string name)
    {
        _validator.TestValidate(new CreateOrganizationCommand(name))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage("must not be blank (only spaces or invisible characters)");
    }

    [Test]
    public void Validate_WithNameOf100CharactersOutsideTheBasicPlane_Passes()
    {
        // 100 scalar values, 200 UTF-16 code units: counted like every other text field.
        _validator.TestValidate(new CreateOrganizationCommand(string.Concat(Enumerable.Repeat("\U0001F3E2", 100)))).ShouldNotHaveAnyValidationErrors();
    }
}
