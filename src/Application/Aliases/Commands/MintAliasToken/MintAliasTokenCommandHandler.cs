using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using MediatR;

namespace AliasService.Application.Aliases.Commands.MintAliasToken;

/// <summary>Signs an alias token for the organization's own alias; an alias without a JWT secret cannot have one.</summary>
public sealed class MintAliasTokenCommandHandler(IAliasRepository aliases, ITokenIssuer issuer)
    : IRequestHandler<MintAliasTokenCommand, AliasTokenDto>
{
    public async Task<AliasTokenDto> Handle(MintAliasTokenCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);
        var secret = alias.RequireJwtSecret();
        var token = issuer.IssueAliasToken(
            alias.Id,
            secret,
            request.UserId,
            request.Host ?? false,
            TimeSpan.FromSeconds(request.ExpiresIn ?? MintAliasTokenCommand.DefaultExpiresIn));
        return new AliasTokenDto(token.Token, token.ExpiresAt);
    }
}
