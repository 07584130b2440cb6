using AliasService.Application.Common.Paging;
using MediatR;

namespace AliasService.Application.Aliases.Queries.ListAliases;

/// <summary>Lists the organization's aliases newest first, optionally of one type, one keyset page at a time (<see cref="Common.Paging.PageLimits"/>).</summary>
public sealed record ListAliasesQuery(string OrganizationId, string? Type, string? After, int? Limit) : IRequest<AliasListDto>;
