using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>
/// The access decision of docs/access-rules.md, in its order: 404 → owner → bad token 401 → token view →
/// passcode → 401 → public; then 410 for an expired alias (not for its owner).
/// </summary>
public sealed class RetrieveAliasQueryHandler(IAliasRepository aliases, IAliasTokenVerifier tokens, TimeProvider clock, IMapper mapper)
    : IRequestHandler<RetrieveAliasQuery, AliasDto>
{
    public async Task<AliasDto> Handle(RetrieveAliasQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindAsync(request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new AliasNotFoundException(request.Id);

        var credential = request.Credential;
        if (credential.OrganizationId is not null && string.Equals(credential.OrganizationId, alias.OrganizationId, StringComparison.Ordinal))
        {
            return View(alias, AliasViewer.Owner);
        }

        var viewer = await DecideViewerAsync(alias, credential, cancellationToken).ConfigureAwait(false);
        if (alias.IsExpired(clock))
        {
            throw new AliasExpiredException(alias.Id);
        }

        return View(alias, viewer);
    }

    private async Task<AliasViewer> DecideViewerAsync(Alias alias, AliasCredential credential, CancellationToken cancellationToken)
    {
        if (credential.BearerToken is not null)
        {
            // Any token that is not a valid alias token for this alias fails closed, even on an unprotected
            // alias; another organization's valid organization token is no alias token either.
            var verification = await tokens.VerifyAsync(credential.BearerToken, alias, cancellationToken).ConfigureAwait(false);
            if (!verification.IsValid)
            {
                throw new AccessDeniedException(verification.FailureReason!, verification.FailureDescription!, tokenPresented: true);
            }

            return verification.Host ? AliasViewer.Host : AliasViewer.Public;
        }

        if (!alias.IsProtected)
        {
            return AliasViewer.Public;
        }

        if (credential.Passcode is not null && alias.PasscodeMatches(credential.Passcode))
        {
            return AliasViewer.Public;
        }

        throw credential.Passcode is null
            ? new AccessDeniedException(AccessDeniedException.CredentialsRequired, "This alias needs a passcode or an alias token.", tokenPresented: false)
            : new AccessDeniedException(AccessDeniedException.InvalidPasscode, "The passcode is not correct.", tokenPresented: false);
    }

    private AliasDto View(Alias alias, AliasViewer viewer) => mapper.Map<AliasDto>(alias.ViewFor(viewer));
}
