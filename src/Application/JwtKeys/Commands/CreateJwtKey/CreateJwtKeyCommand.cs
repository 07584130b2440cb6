using MediatR;

namespace AliasService.Application.JwtKeys.Commands.CreateJwtKey;

/// <summary>Registers a public key (PEM) the organization signs alias tokens with.</summary>
public sealed record CreateJwtKeyCommand(string OrganizationId, string? Name, string? PublicKey) : IRequest<JwtKeyDto>
{
    public override string ToString() => $"CreateJwtKeyCommand {{ OrganizationId = {OrganizationId}, Name = {Name} }}";
}
