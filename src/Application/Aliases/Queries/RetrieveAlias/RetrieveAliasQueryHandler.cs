using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>
/// The access decision of docs/access-rules.md, in its order: 404 → owner → bad token 401 → token view →
/// passcode → 401 → public; then 410 for an expired alias (not for its owner). Every outcome is returned, none thrown.
/// </summary>
public sealed class RetrieveAliasQueryHandler(IAliasRepository aliases, IAliasTokenVerifier tokens, TimeProvider clock, IMapper mapper)
    : IRequestHandler<RetrieveAliasQuery, AliasRetrieval>
{
    private static readonly AliasRetrieval CredentialsRequired = AliasRetrieval.Refused(
        CredentialRefusal.WithoutToken(CredentialRefusal.CredentialsRequired, "This alias needs a passcode or an alias token."));

    private static readonly AliasRetrieval InvalidPasscode = AliasRetrieval.Refused(
        CredentialRefusal.WithoutToken(CredentialRefusal.InvalidPasscode, "The passcode is not correct."));

    public async Task<AliasRetrieval> Handle(RetrieveAliasQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = await aliases.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        if (alias is null)
        {
            return AliasRetrieval.NotFound;
        }

        var credential = request.Credential;
        if (credential.OrganizationId is not null && string.Equals(credential.OrganizationId, alias.OrganizationId, StringComparison.Ordinal))
        {
            return View(alias, AliasViewer.Owner);
        }

        var (viewer, refused) = await DecideViewerAsync(alias, credential, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        return alias.IsExpired(clock) ? AliasRetrieval.Expired : View(alias, viewer);
    }

    private async Task<(AliasViewer Viewer, AliasRetrieval? Refused)> DecideViewerAsync(Alias alias, AliasCredential credential, CancellationToken cancellationToken)
    {
        if (credential.BearerToken is not null)
        {
            // Any token that is not a valid alias token for this alias fails closed, even on an unprotected
            // alias; another organization's valid organization token is no alias token either.
            var verification = await tokens.VerifyAsync(credential.BearerToken, alias, cancellationToken).ConfigureAwait(false);
            if (!verification.IsValid)
            {
                return (AliasViewer.Public, AliasRetrieval.Refused(verification.Refusal!));
            }

            return (verification.Host ? AliasViewer.Host : AliasViewer.Public, null);
        }

        if (!alias.IsProtected)
        {
            return (AliasViewer.Public, null);
        }

        if (credential.Passcode is not null && alias.PasscodeMatches(credential.Passcode))
        {
            return (AliasViewer.Public, null);
        }

        return (AliasViewer.Public, credential.Passcode is null ? CredentialsRequired : InvalidPasscode);
    }

    private AliasRetrieval View(Alias alias, AliasViewer viewer) => AliasRetrieval.Found(mapper.Map<AliasDto>(alias.ViewFor(viewer)));
}
