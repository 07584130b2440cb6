using AliasService.Application.Common.Validation;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using FluentValidation;

namespace AliasService.Application.JwtKeys.Commands.CreateJwtKey;

/// <summary>
/// Every field before the key is parsed: the name by the aggregate's own rule (<see cref="JwtKey.CheckName"/>), the key's
/// presence and size; the key's content is judged by <see cref="Common.Interfaces.IPublicKeyReader"/>.
/// </summary>
public sealed class CreateJwtKeyCommandValidator : AbstractValidator<CreateJwtKeyCommand>
{
    public CreateJwtKeyCommandValidator()
    {
        RuleFor(c => c.Name).MustPass(JwtKey.CheckName);
        RuleFor(c => c.PublicKey).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required: a PEM public key (-----BEGIN PUBLIC KEY-----)")
            .Must(k => k!.Length <= TextLimits.PublicKeyPemMax).WithMessage(TextLimits.PublicKeyPemTooLong);
    }
}
