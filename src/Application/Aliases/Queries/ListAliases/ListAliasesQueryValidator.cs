using AliasService.Application.Common.Interfaces;
using FluentValidation;

namespace AliasService.Application.Aliases.Queries.ListAliases;

/// <summary><c>limit</c> 1–100, <c>type</c> one of the two, <c>after</c> a cursor this listing issued to this organization.</summary>
public sealed class ListAliasesQueryValidator : AbstractValidator<ListAliasesQuery>
{
    public ListAliasesQueryValidator(IKeysetCursorProtector cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListAliasesQuery.MaxLimit)
            .When(q => q.Limit.HasValue)
            .WithMessage($"must be an integer from 1 to {ListAliasesQuery.MaxLimit}");
        RuleFor(q => q.Type).MustBeAliasType().When(q => q.Type is not null);
        RuleFor(q => q.After).Must((q, after) => cursors.TryUnprotect<ListAliasesQuery>(after, q.OrganizationId, out _))
            .When(q => q.After is not null)
            .WithMessage("is not a cursor returned by this listing");
    }
}
