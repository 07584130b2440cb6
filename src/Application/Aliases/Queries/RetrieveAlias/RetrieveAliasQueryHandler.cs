using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Domain.AccessEvents;
using AliasService.Domain.Aliases;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>
/// The access decision of docs/access-rules.md, in its order: 404 → owner → bad token 401 → token view →
/// passcode → 401 → public; then 410 for an expired alias (not for its owner). Every outcome is returned, none thrown.
/// Each decision about an existing alias is recorded as an access event (queued only; an unknown id has no owner to
/// show it to and is not recorded).
/// </summary>
public sealed class RetrieveAliasQueryHandler(
    IAliasRepository aliases, IAliasTokenVerifier tokens, TimeProvider clock, IMapper mapper, IAccessEventSink events, IRequestCaller caller)
    : IRequestHandler<RetrieveAliasQuery, AliasRetrieval>
{
    private static readonly CredentialRefusal CredentialsRequired =
        CredentialRefusal.WithoutToken(CredentialRefusal.CredentialsRequired, "This alias needs a passcode or an alias token.");

    private static readonly CredentialRefusal InvalidPasscode =
        CredentialRefusal.WithoutToken(CredentialRefusal.InvalidPasscode, "The passcode is not correct.");

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
            Record(alias, AccessOutcomes.Granted, "owner", CredentialKinds.OrganizationToken, null);
            return View(alias, AliasViewer.Owner);
        }

        var presented = credential.BearerToken is not null ? CredentialKinds.AliasToken
            : credential.Passcode is not null ? CredentialKinds.Passcode
            : CredentialKinds.None;
        var decided = await DecideViewerAsync(alias, credential, cancellationToken).ConfigureAwait(false);
        if (decided.Refusal is { } refusal)
        {
            Record(alias, AccessOutcomes.Refused, refusal.Reason, presented, null);
            return AliasRetrieval.Refused(refusal);
        }

        if (alias.IsExpired(clock))
        {
            Record(alias, AccessOutcomes.Expired, null, presented, decided.UserId);
            return AliasRetrieval.Expired;
        }

        Record(alias, AccessOutcomes.Granted, decided.Viewer == AliasViewer.Host ? "host" : "public", presented, decided.UserId);
        return View(alias, decided.Viewer);
    }

    private async Task<(AliasViewer Viewer, string? UserId, CredentialRefusal? Refusal)> DecideViewerAsync(
        Alias alias, AliasCredential credential, CancellationToken cancellationToken)
    {
        if (credential.BearerToken is not null)
        {
            // Any token that is not a valid alias token for this alias fails closed, even on an unprotected
            // alias; another organization's valid organization token is no alias token either.
            var verification = await tokens.VerifyAsync(credential.BearerToken, alias, cancellationToken).ConfigureAwait(false);
            if (!verification.IsValid)
            {
                return (AliasViewer.Public, null, verification.Refusal!);
            }

            return (verification.Host ? AliasViewer.Host : AliasViewer.Public, verification.UserId, null);
        }

        if (!alias.IsProtected)
        {
            return (AliasViewer.Public, null, null);
        }

        if (credential.Passcode is not null && alias.PasscodeMatches(credential.Passcode))
        {
            return (AliasViewer.Public, null, null);
        }

        return (AliasViewer.Public, null, credential.Passcode is null ? CredentialsRequired : InvalidPasscode);
    }

    private void Record(Alias alias, string outcome, string? reason, string credential, string? userId) =>
        events.Record(AccessEvent.Retrieval(
            alias.Id, alias.OrganizationId, clock.GetUtcNow().ToUnixTimeSeconds(), outcome, reason, credential, userId, caller.ClientAddress));

    private AliasRetrieval View(Alias alias, AliasViewer viewer) => AliasRetrieval.Found(mapper.Map<AliasDto>(alias.ViewFor(viewer)));
}
