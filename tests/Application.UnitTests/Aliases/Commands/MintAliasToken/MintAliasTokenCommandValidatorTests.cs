using AliasService.Application.Aliases.Commands.MintAliasToken;
using FluentValidation.TestHelper;

namespace AliasService.Application.UnitTests.Aliases.Commands.MintAliasToken;

[TestFixture]
public sealed class MintAliasTokenCommandValidatorTests
{
    private const string ExpiresInMessage = "must be from 1 to 604800 seconds (7 days)";
    private const string UserIdMessage = "must be 1 to 256 characters";

    private readonly MintAliasTokenCommandValidator _validator = new();

    private static MintAliasTokenCommand Command(string? userId = null, bool? host = null, long? expiresIn = null) =>
        new("org_1", "alias-1", userId, host, expiresIn);

    [Test]
    public void Validate_WithNoOptionalField_Passes()
    {
        _validator.TestValidate(Command()).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Constants_DefaultIsOneHourAndMaximumIsSevenDays_UserIdAtMost256Characters()
    {
        MintAliasTokenCommand.DefaultExpiresIn.Should().Be(3600);
        MintAliasTokenCommand.MaxExpiresIn.Should().Be(604_800);
        AliasService.Domain.Common.TextLimits.TokenUserIdMax.Should().Be(256);
    }

    [TestCase(1)]
    [TestCase(3600)]
    [TestCase(604_800)]
    public void Validate_WithExpiresInFromOneSecondToSevenDays_Passes(long expiresIn)
    {
        _validator.TestValidate(Command(expiresIn: expiresIn)).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(604_801)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void Validate_WithExpiresInOutsideOneSecondToSevenDays_FailsForExpiresIn(long expiresIn)
    {
        _validator.TestValidate(Command(expiresIn: expiresIn))
            .ShouldHaveValidationErrorFor(c => c.ExpiresIn).WithErrorMessage(ExpiresInMessage).Only();
    }

    [TestCase(1)]
    [TestCase(256)]
    public void Validate_WithUserIdOf1To256Characters_Passes(int length)
    {
        _validator.TestValidate(Command(userId: new string('u', length))).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(0)]
    [TestCase(257)]
    public void Validate_WithUserIdOutside1To256Characters_FailsForUserId(int length)
    {
        _validator.TestValidate(Command(userId: new string('u', length)))
            .ShouldHaveValidationErrorFor(c => c.UserId).WithErrorMessage(UserIdMessage).Only();
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Validate_WithHost_Passes(bool host)
    {
        _validator.TestValidate(Command(host: host)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_WithBadUserIdAndExpiresIn_ReportsBoth()
    {
        var result = _validator.TestValidate(Command(userId: string.Empty, expiresIn: 0));

        result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("UserId", "ExpiresIn");
    }
}
