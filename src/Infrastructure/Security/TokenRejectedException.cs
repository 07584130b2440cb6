namespace AliasService.Infrastructure.Security;

/// <summary>A token was refused; <see cref="Reason"/> is one of <see cref="TokenFailureReason"/>. Never carries the token.</summary>
public sealed class TokenRejectedException(string reason, string description) : Exception(description)
{
    public string Reason { get; } = reason;
}
