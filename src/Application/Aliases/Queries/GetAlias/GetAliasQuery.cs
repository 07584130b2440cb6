using MediatR;

namespace AliasService.Application.Aliases.Queries.GetAlias;

/// <summary>One of the organization's aliases, in the owner view.</summary>
public sealed record GetAliasQuery(string OrganizationId, string Id) : IRequest<AliasDto>;
