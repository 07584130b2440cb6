using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Aliases.Commands.MintAliasToken;

/// <summary>Mints an alias token signed with the alias's JWT secret (<c>POST /organization/api/v1/alias/{id}/token</c>).</summary>
public sealed record MintAliasTokenCommand(string OrganizationId, string Id, string? UserId, bool? Host, long? ExpiresIn) : IRequest<AliasTokenDto>, IRecordedAliasChange<AliasTokenDto>
{
    public const long DefaultExpiresIn = 3600;
    public const long MaxExpiresIn = 7 * 24 * 3600;

    public AliasChange Describe(AliasTokenDto response) =>
        new(Id, AccessOutcomes.TokenMinted, Host == true ? ["host"] : [], UserId);
}
