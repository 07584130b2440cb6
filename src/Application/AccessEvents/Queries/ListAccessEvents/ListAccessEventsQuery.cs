using MediatR;

namespace AliasService.Application.AccessEvents.Queries.ListAccessEvents;

/// <summary>
/// <c>GET /organization/api/v1/alias/{id}/events</c>: the alias's access events newest first, optionally of one
/// outcome, one keyset page at a time (<see cref="Common.Paging.PageLimits"/>).
/// </summary>
public sealed record ListAccessEventsQuery(string OrganizationId, string Id, string? Outcome, string? After, int? Limit) : IRequest<AccessEventListDto>;
