namespace AliasService.Application.Common.Exceptions;

/// <summary>
/// Public retrieval refused with 401. <see cref="TokenPresented"/> tells whether a bearer token was sent and
/// refused (RFC 6750 <c>error="invalid_token"</c>) or a credential is simply missing or wrong.
/// </summary>
public sealed class AccessDeniedException(string reason, string description, bool tokenPresented) : Exception(description)
{
    public const string CredentialsRequired = "credentials_required";
    public const string InvalidPasscode = "invalid_passcode";

    public string Reason { get; } = reason;

    public bool TokenPresented { get; } = tokenPresented;
}
