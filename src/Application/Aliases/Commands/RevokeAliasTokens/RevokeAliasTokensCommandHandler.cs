using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Persistence;
using AliasService.Domain.Aliases;
using MediatR;

namespace AliasService.Application.Aliases.Commands.RevokeAliasTokens;

/// <summary>
/// Records the revocation on the alias aggregate (which keeps the revocations bounded). Concurrent changes of the
/// same alias conflict on its version and are applied again to what the winner saved.
/// </summary>
public sealed class RevokeAliasTokensCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<RevokeAliasTokensCommand, TokenRevocationDto>
{
    public async Task<TokenRevocationDto> Handle(RevokeAliasTokensCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var revocation = await unitOfWork.SaveWithRetryAsync(
            async () =>
            {
                var alias = await aliases.FindOwnedAsync(request.OrganizationId, request.Id, cancellationToken).ConfigureAwait(false)
                    ?? throw new AliasNotFoundException(request.Id);
                return alias.RevokeTokens(request.UserId, clock);
            },
            cancellationToken).ConfigureAwait(false);
        return new TokenRevocationDto(request.Id, revocation.UserId, revocation.RevokedAt);
    }
}
