using AliasService.Application.Common.Validation;
using AliasService.Domain.Common;
using FluentValidation;

namespace AliasService.Application.JwtKeys.Commands.CreateJwtKey;

/// <summary>Presence and size; the key's content is judged by <see cref="Common.Interfaces.IPublicKeyReader"/>.</summary>
public sealed class CreateJwtKeyCommandValidator : AbstractValidator<CreateJwtKeyCommand>
{
    public const int MaxPublicKeyLength = 16 * 1024;

    public CreateJwtKeyCommandValidator()
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrEmpty(n)).WithMessage("is required")
            .MustFollowTextRules(1, TextLimits.JwtKeyNameMax, isName: true);
        RuleFor(c => c.PublicKey).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required: a PEM public key (-----BEGIN PUBLIC KEY-----)")
            .Must(k => k!.Length <= MaxPublicKeyLength).WithMessage($"must be at most {MaxPublicKeyLength / 1024} KiB of PEM text");
    }
}
