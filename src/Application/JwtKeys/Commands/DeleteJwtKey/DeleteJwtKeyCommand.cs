using MediatR;

namespace AliasService.Application.JwtKeys.Commands.DeleteJwtKey;

/// <summary>Deletes a JWT key: tokens signed with it fail from the next request on.</summary>
public sealed record DeleteJwtKeyCommand(string OrganizationId, string Id) : IRequest<Unit>;
