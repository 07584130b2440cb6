using FluentValidation;

namespace AliasService.Application.Aliases.Queries.InspectAliasToken;

/// <summary><c>token</c>: 1 to 8192 characters (a longer one could never be accepted by public retrieval either).</summary>
public sealed class InspectAliasTokenQueryValidator : AbstractValidator<InspectAliasTokenQuery>
{
    public InspectAliasTokenQueryValidator() =>
        RuleFor(q => q.Token).NotEmpty().WithMessage("is required: the token to inspect")
            .MaximumLength(InspectAliasTokenQuery.MaxTokenLength).WithMessage($"must be at most {InspectAliasTokenQuery.MaxTokenLength} characters");
}
