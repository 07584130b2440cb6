using MediatR;

namespace AliasService.Application.JwtKeys.Queries.GetJwtKey;

/// <summary>One of the organization's JWT keys.</summary>
public sealed record GetJwtKeyQuery(string OrganizationId, string Id) : IRequest<JwtKeyDto>;
