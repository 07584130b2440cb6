namespace AliasService.Infrastructure.Security;

/// <summary>The machine-readable <c>reason</c> values of a 401 (listed in docs/api.md), one constant each.</summary>
public static class TokenFailureReason
{
    public const string MissingToken = "missing_token";
    public const string Malformed = "malformed";
    public const string TokenTooLong = "token_too_long";
    public const string UnsupportedHeader = "unsupported_header";
    public const string UnsupportedAlgorithm = "unsupported_algorithm";
    public const string UnknownKey = "unknown_key";
    public const string BadSignature = "bad_signature";
    public const string TokenExpired = "token_expired";
    public const string MissingExpiry = "missing_expiry";
    public const string LifetimeTooLong = "lifetime_too_long";
    public const string NotYetValid = "token_not_yet_valid";
    public const string IssuedInFuture = "issued_in_future";
    public const string InvalidClaim = "invalid_claim";
    public const string AliasMismatch = "alias_mismatch";
    public const string TokenRevoked = "token_revoked";
}
