namespace AliasService.Infrastructure.Security;

/// <summary>
/// A token was refused; <see cref="Reason"/> is one of <see cref="TokenFailureReason"/>, the public answer.
/// <see cref="Diagnostic"/> is the precise cause for the owner (<see cref="TokenDiagnostic"/>), the reason when there
/// is nothing more precise. Never carries the token.
/// </summary>
public sealed class TokenRejectedException(string reason, string description, string? diagnostic = null) : Exception(description)
{
    public string Reason { get; } = reason;

    public string Diagnostic { get; } = diagnostic ?? reason;
}
