using AliasService.Application.Common.Paging;
using MediatR;

namespace AliasService.Application.JwtKeys.Queries.ListJwtKeys;

/// <summary>The organization's JWT keys, newest first, one keyset page at a time (<see cref="Common.Paging.PageLimits"/>).</summary>
public sealed record ListJwtKeysQuery(string OrganizationId, string? After, int? Limit) : IRequest<JwtKeyListDto>;
