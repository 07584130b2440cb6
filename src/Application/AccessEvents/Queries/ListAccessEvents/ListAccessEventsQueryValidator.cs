using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Validation;
using AliasService.Domain.AccessEvents;
using FluentValidation;

namespace AliasService.Application.AccessEvents.Queries.ListAccessEvents;

/// <summary><c>limit</c> 1–100, <c>outcome</c> one of the recorded outcomes, <c>after</c> a cursor this listing issued for this alias.</summary>
public sealed class ListAccessEventsQueryValidator : AbstractValidator<ListAccessEventsQuery>
{
    public ListAccessEventsQueryValidator(IKeysetCursorProtector cursors)
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Outcome)
            .Must(o => AccessOutcomes.All.Contains(o, StringComparer.Ordinal))
            .When(q => q.Outcome is not null)
            .WithMessage($"must be one of {string.Join(", ", AccessOutcomes.All)}");
        RuleFor(q => q.After)
            .MustBeACursorOf(cursors, q => q.OrganizationId)
            .Must((q, after) => after is null || (cursors.TryUnprotect<ListAccessEventsQuery>(after, q.OrganizationId, out var c) && c.Id == q.Id))
            .WithMessage("is not a cursor returned by this listing");
    }
}
