using AliasService.Application.Common.Models;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>Maps Microsoft.IdentityModel's validation exceptions to the service's 401 reasons, dropping their text (it may hold token parts).</summary>
public static class LibraryFailures
{
    /// <summary>The one description of a bad signature, whatever the precise cause (see <see cref="TokenDiagnostic"/>).</summary>
    public const string SignatureDoesNotVerify = "The token signature does not verify.";

    public static CredentialRefusal Translate(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => CredentialRefusal.OfToken(TokenFailureReason.TokenExpired, "The token has expired."),
        SecurityTokenNoExpirationException => CredentialRefusal.OfToken(TokenFailureReason.MissingExpiry, "The token has no expiry."),
        SecurityTokenNotYetValidException => CredentialRefusal.OfToken(TokenFailureReason.NotYetValid, "The token is not valid yet (nbf)."),
        SecurityTokenInvalidLifetimeException => CredentialRefusal.OfToken(TokenFailureReason.InvalidClaim, "The token lifetime is invalid."),
        SecurityTokenInvalidAlgorithmException => CredentialRefusal.OfToken(TokenFailureReason.UnsupportedAlgorithm, "The token algorithm is not accepted for this key."),
        SecurityTokenSignatureKeyNotFoundException => CredentialRefusal.OfToken(TokenFailureReason.BadSignature, SignatureDoesNotVerify),
        SecurityTokenInvalidSignatureException => CredentialRefusal.OfToken(TokenFailureReason.BadSignature, SignatureDoesNotVerify),
        SecurityTokenMalformedException => CredentialRefusal.OfToken(TokenFailureReason.Malformed, "The token is not a well-formed JWT."),
        _ => CredentialRefusal.OfToken(TokenFailureReason.Malformed, "The token could not be validated."),
    };
}
