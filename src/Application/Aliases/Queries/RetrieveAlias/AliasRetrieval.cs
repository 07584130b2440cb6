using AliasService.Application.Common.Models;

namespace AliasService.Application.Aliases.Queries.RetrieveAlias;

/// <summary>
/// The answer to <see cref="RetrieveAliasQuery"/>: the alias in the caller's view, or why not (missing, expired, or the
/// credential refused). Returned rather than thrown: refusals are what an attacker sends, so they stay as cheap as an
/// acceptance (docs/decisions/0018-credential-refusal.md).
/// </summary>
public sealed record AliasRetrieval
{
    public static readonly AliasRetrieval NotFound = new(AliasRetrievalOutcome.NotFound, null, null);

    public static readonly AliasRetrieval Expired = new(AliasRetrievalOutcome.Expired, null, null);

    private AliasRetrieval(AliasRetrievalOutcome outcome, AliasDto? alias, CredentialRefusal? refusal)
    {
        Outcome = outcome;
        Alias = alias;
        Refusal = refusal;
    }

    public AliasRetrievalOutcome Outcome { get; }

    /// <summary>The alias in the view the credential allows; set when <see cref="Outcome"/> is Found.</summary>
    public AliasDto? Alias { get; }

    /// <summary>The refused credential; set when <see cref="Outcome"/> is Refused.</summary>
    public CredentialRefusal? Refusal { get; }

    public static AliasRetrieval Found(AliasDto alias) => new(AliasRetrievalOutcome.Found, alias, null);

    public static AliasRetrieval Refused(CredentialRefusal refusal) => new(AliasRetrievalOutcome.Refused, null, refusal);
}
