using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>Maps Microsoft.IdentityModel's validation exceptions to the service's 401 reasons, dropping their text (it may hold token parts).</summary>
public static class LibraryFailures
{
    /// <summary>The one description of a bad signature, whatever the precise cause (see <see cref="TokenDiagnostic"/>).</summary>
    public const string SignatureDoesNotVerify = "The token signature does not verify.";

    public static TokenRejectedException Translate(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => new(TokenFailureReason.TokenExpired, "The token has expired."),
        SecurityTokenNoExpirationException => new(TokenFailureReason.MissingExpiry, "The token has no expiry."),
        SecurityTokenNotYetValidException => new(TokenFailureReason.NotYetValid, "The token is not valid yet (nbf)."),
        SecurityTokenInvalidLifetimeException => new(TokenFailureReason.InvalidClaim, "The token lifetime is invalid."),
        SecurityTokenInvalidAlgorithmException => new(TokenFailureReason.UnsupportedAlgorithm, "The token algorithm is not accepted for this key."),
        SecurityTokenSignatureKeyNotFoundException => new(TokenFailureReason.BadSignature, SignatureDoesNotVerify),
        SecurityTokenInvalidSignatureException => new(TokenFailureReason.BadSignature, SignatureDoesNotVerify),
        SecurityTokenMalformedException => new(TokenFailureReason.Malformed, "The token is not a well-formed JWT."),
        _ => new(TokenFailureReason.Malformed, "The token could not be validated."),
    };
}
