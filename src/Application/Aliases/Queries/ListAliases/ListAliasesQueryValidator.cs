using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.Common.Validation;
using FluentValidation;

namespace AliasService.Application.Aliases.Queries.ListAliases;

/// <summary><c>limit</c> 1–100, <c>type</c> one of the two, <c>after</c> a cursor this listing issued to this organization.</summary>
public sealed class ListAliasesQueryValidator : AbstractValidator<ListAliasesQuery>
{
    public ListAliasesQueryValidator(IKeysetCursorProtector cursors)
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Type).MustBeAliasType().When(q => q.Type is not null);
        RuleFor(q => q.After).MustBeACursorOf(cursors, q => q.OrganizationId);
    }
}
