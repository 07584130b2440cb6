using AliasService.Application.JwtKeys.Commands.CreateJwtKey;
using AliasService.Domain.Common;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.JwtKeys.Commands.CreateJwtKey;

[TestFixture]
public sealed class CreateJwtKeyCommandValidatorTests
{
    private const string NameMessage = "must be 1 to 50 characters";
    private const string BlankMessage = "must not be blank (only spaces or invisible characters)";
    private const string PublicKeyRequired = "is required: a PEM public key (-----BEGIN PUBLIC KEY-----)";
    private const string PublicKeyTooLong = "must be at most 16 KiB of PEM text";

    private readonly CreateJwtKeyCommandValidator _validator = new();

    private static CreateJwtKeyCommand Command(string? name = "backend", string? publicKey = "-----BEGIN PUBLIC KEY-----") =>
        new("org_1", name, publicKey);

    [Test]
    public void Validate_WithNameAndPublicKey_Passes()
    {
        _validator.TestValidate(Command()).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(1)]
    [TestCase(50)]
    public void Validate_WithNameOf1To50Characters_Passes(int length)
    {
        _validator.TestValidate(Command(name: new string('n', length))).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithNameOf50CharactersOutsideTheBasicPlane_Passes()
    {
        // 50 code points, 100 UTF-16 code units: the limit counts characters as a user sees them.
        var name = string.Concat(Enumerable.Repeat("\U0001F511", 50));

        _validator.TestValidate(Command(name: name)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithNameOf51Characters_FailsForName()
    {
        _validator.TestValidate(Command(name: new string('n', 51)))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage(NameMessage);
    }

    [TestCase(" ")]
    [TestCase("\u3000 ")]
    [TestCase("\u200D")]
    [TestCase(" \u200B\u200C ")]
    public void Validate_WithBlankName_FailsForName(string name)
    {
        _validator.TestValidate(Command(name: name))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage(BlankMessage);
    }

    [TestCase("back\u202Eend", "must not contain U+202E (a bidirectional control character)")]
    [TestCase("back\tend", "must not contain U+0009 (a control character)")]
    public void Validate_WithForbiddenCharacterInName_FailsNamingIt(string name, string message)
    {
        _validator.TestValidate(Command(name: name))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage(message);
    }

    [TestCase(null)]
    [TestCase("")]
    public void Validate_WithoutName_FailsOnceSayingItIsRequired(string? name)
    {
        _validator.TestValidate(Command(name: name))
            .ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage("is required").Only();
    }

    [TestCase(null)]
    [TestCase("")]
    public void Validate_WithoutPublicKey_FailsOnceSayingItIsRequired(string? publicKey)
    {
        _validator.TestValidate(Command(publicKey: publicKey))
            .ShouldHaveValidationErrorFor(c => c.PublicKey).WithErrorMessage(PublicKeyRequired).Only();
    }

    [Test]
    public void Validate_WithPublicKeyOfExactly16KiB_Passes()
    {
        _validator.TestValidate(Command(publicKey: new string('k', 16 * 1024))).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithPublicKeyOver16KiB_FailsOnceSayingHowLongItMayBe()
    {
        _validator.TestValidate(Command(publicKey: new string('k', (16 * 1024) + 1)))
            .ShouldHaveValidationErrorFor(c => c.PublicKey).WithErrorMessage(PublicKeyTooLong).Only();
    }

    [Test]
    public void MaxPublicKeyLength_Is16KiB()
    {
        TextLimits.PublicKeyPemMax.Should().Be(16 * 1024);
    }
}
