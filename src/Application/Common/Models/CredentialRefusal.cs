namespace AliasService.Application.Common.Models;

/// <summary>
/// A credential refused with 401, decided where the check is made and answered in one place (the 401 envelope, its
/// RFC 6750 challenge, the access metric and the failed-attempt limit). <see cref="Reason"/> is the public
/// <c>reason</c>; <see cref="PreciseReason"/> the cause only the alias's owner may see (token inspection), the reason
/// itself when there is nothing more precise. Never carries the token or a secret.
/// </summary>
public sealed record CredentialRefusal
{
    public const string CredentialsRequired = "credentials_required";
    public const string InvalidPasscode = "invalid_passcode";

    private CredentialRefusal(string reason, string description, bool tokenPresented, string preciseReason)
    {
        Reason = reason;
        Description = description;
        TokenPresented = tokenPresented;
        PreciseReason = preciseReason;
    }

    /// <summary>The 401 <c>reason</c> (token_expired, bad_signature, invalid_passcode …).</summary>
    public string Reason { get; }

    /// <summary>A human explanation (the challenge's <c>error_description</c> when a token was presented).</summary>
    public string Description { get; }

    /// <summary>
    /// Whether a bearer token was sent and refused (RFC 6750 <c>error="invalid_token"</c>) rather than a credential
    /// missing or wrong (a bare challenge).
    /// </summary>
    public bool TokenPresented { get; }

    /// <summary>
    /// The precise cause: <see cref="Reason"/>, or one the public 401 does not reveal (<c>no_jwt_secret</c>,
    /// <c>hs384_secret_too_short</c>, <c>hs512_secret_too_short</c> behind <c>bad_signature</c>). Owner only.
    /// </summary>
    public string PreciseReason { get; }

    /// <summary>A presented bearer token refused.</summary>
    public static CredentialRefusal OfToken(string reason, string description, string? preciseReason = null) =>
        new(reason, description, tokenPresented: true, preciseReason ?? reason);

    /// <summary>No token presented: a credential missing or wrong (a passcode).</summary>
    public static CredentialRefusal WithoutToken(string reason, string description) =>
        new(reason, description, tokenPresented: false, reason);
}
