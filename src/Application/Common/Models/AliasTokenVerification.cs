namespace AliasService.Application.Common.Models;

/// <summary>
/// The outcome of verifying an alias token: valid with its <c>host</c> flag, or refused with the public reason and
/// description, and the precise <see cref="Diagnostic"/> only the alias's owner may see.
/// </summary>
public sealed record AliasTokenVerification
{
    private AliasTokenVerification(bool isValid, bool host, string? failureReason, string? failureDescription, string? diagnostic)
    {
        IsValid = isValid;
        Host = host;
        FailureReason = failureReason;
        FailureDescription = failureDescription;
        Diagnostic = diagnostic;
    }

    public bool IsValid { get; }

    public bool Host { get; }

    /// <summary>The 401 <c>reason</c> (token_expired, bad_signature, alias_mismatch, malformed, missing_expiry …).</summary>
    public string? FailureReason { get; }

    /// <summary>A human explanation for <c>error_description</c>; never contains the token or a secret.</summary>
    public string? FailureDescription { get; }

    /// <summary>
    /// The precise cause of a refusal: the reason itself, or a more precise one the public 401 does not reveal
    /// (<c>no_jwt_secret</c>, <c>hs384_secret_too_short</c>, <c>hs512_secret_too_short</c> behind <c>bad_signature</c>).
    /// For the owner only; never in a public answer or log.
    /// </summary>
    public string? Diagnostic { get; }

    public static AliasTokenVerification Valid(bool host) => new(true, host, null, null, null);

    public static AliasTokenVerification Refused(string reason, string description, string? diagnostic = null) =>
        new(false, false, reason, description, diagnostic ?? reason);
}
