using AliasService.Application.Common.Interfaces;
using FluentValidation;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

/// <summary><c>limit</c> 1–100, <c>after</c> a cursor this listing issued to this organization.</summary>
public sealed class ListJwtKeysQueryValidator : AbstractValidator<ListJwtKeysQuery>
{
    public ListJwtKeysQueryValidator(IKeysetCursorProtector cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListJwtKeysQuery.MaxLimit).When(q => q.Limit.HasValue)
            .WithMessage($"must be an integer from 1 to {ListJwtKeysQuery.MaxLimit}");
        RuleFor(q => q.After).Must((q, after) => cursors.TryUnprotect<ListJwtKeysQuery>(after, q.OrganizationId, out _)).When(q => q.After is not null)
            .WithMessage("is not a cursor returned by this listing");
    }
}
