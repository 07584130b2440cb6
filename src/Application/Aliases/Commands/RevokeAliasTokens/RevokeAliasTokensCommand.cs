using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Aliases.Commands.RevokeAliasTokens;

/// <summary>
/// <c>POST /organization/api/v1/alias/{id}/tokens/revoke</c>: refuses, from the next request on, the alias's tokens
/// issued up to now, everyone's or (with <see cref="UserId"/>) one user's.
/// </summary>
public sealed record RevokeAliasTokensCommand(string OrganizationId, string Id, string? UserId) : IRequest<TokenRevocationDto>, IRecordedAliasChange<TokenRevocationDto>
{
    public AliasChange Describe(TokenRevocationDto response) => new(Id, AccessOutcomes.TokensRevoked, [], UserId);
}
