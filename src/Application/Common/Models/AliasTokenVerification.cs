namespace AliasService.Application.Common.Models;

/// <summary>The outcome of verifying an alias token: valid with its <c>host</c> flag, or refused with a reason.</summary>
public sealed record AliasTokenVerification
{
    private AliasTokenVerification(bool isValid, bool host, string? failureReason, string? failureDescription)
    {
        IsValid = isValid;
        Host = host;
        FailureReason = failureReason;
        FailureDescription = failureDescription;
    }

    public bool IsValid { get; }

    public bool Host { get; }

    /// <summary>The 401 <c>reason</c> (token_expired, bad_signature, alias_mismatch, malformed, missing_expiry …).</summary>
    public string? FailureReason { get; }

    /// <summary>A human explanation for <c>error_description</c>; never contains the token or a secret.</summary>
    public string? FailureDescription { get; }

    public static AliasTokenVerification Valid(bool host) => new(true, host, null, null);

    public static AliasTokenVerification Refused(string reason, string description) => new(false, false, reason, description);
}
