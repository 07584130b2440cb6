using MediatR;

namespace AliasService.Application.Aliases.Commands.MintAliasToken;

/// <summary>Mints an alias token signed with the alias's JWT secret (<c>POST /organization/api/v1/alias/{id}/token</c>).</summary>
public sealed record MintAliasTokenCommand(string OrganizationId, string Id, string? UserId, bool? Host, long? ExpiresIn) : IRequest<AliasTokenDto>
{
    public const long DefaultExpiresIn = 3600;
    public const long MaxExpiresIn = 7 * 24 * 3600;
}
