using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.Common.Validation;
using FluentValidation;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

/// <summary><c>limit</c> 1–100, <c>after</c> a cursor this listing issued to this organization.</summary>
public sealed class ListJwtKeysQueryValidator : AbstractValidator<ListJwtKeysQuery>
{
    public ListJwtKeysQueryValidator(IKeysetCursorProtector cursors)
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.After).MustBeACursorOf(cursors, q => q.OrganizationId);
    }
}
