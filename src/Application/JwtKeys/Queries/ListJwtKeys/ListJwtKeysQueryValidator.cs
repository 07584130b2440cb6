using AliasService.Application.Common.Interfaces;
using FluentValidation;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

public sealed class ListJwtKeysQueryValidator : AbstractValidator<ListJwtKeysQuery>
{
    public ListJwtKeysQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListJwtKeysQuery.MaxLimit).When(q => q.Limit.HasValue)
            .WithMessage($"must be an integer from 1 to {ListJwtKeysQuery.MaxLimit}");
        RuleFor(q => q.After).Must(a => KeysetCursor.TryDecode(a, out _)).When(q => q.After is not null)
            .WithMessage("is not a cursor returned by this listing");
    }
}
