using System.Text.Json;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Lifetime rules on the raw JSON claims, against the injected clock. Microsoft.IdentityModel's own lifetime
/// check is switched off where this runs: it reads the system clock, coerces <c>"exp": "123"</c> and <c>1.5</c>
/// to numbers, ignores <c>iat</c>, and knows nothing of the <c>expires_in</c> claim.
/// </summary>
public static class TokenLifetime
{
    public const long ClockSkewSeconds = 30;

    /// <summary>
    /// Checks <c>exp</c>, <c>nbf</c>, <c>iat</c> and (when <paramref name="allowExpiresIn"/>) <c>iat</c> + <c>expires_in</c>;
    /// answers the effective expiry. A token with no lifetime at all is refused (<c>missing_expiry</c>).
    /// </summary>
    public static long Check(JsonElement payload, long now, bool allowExpiresIn)
    {
        var expires = ClaimRules.OptionalInteger(payload, "exp");
        var notBefore = ClaimRules.OptionalInteger(payload, "nbf");
        var issuedAt = ClaimRules.OptionalInteger(payload, "iat");
        var expiresIn = allowExpiresIn ? ClaimRules.OptionalInteger(payload, "expires_in") : null;

        if (issuedAt > now + ClockSkewSeconds)
        {
            throw new TokenRejectedException(TokenFailureReason.IssuedInFuture, "The token was issued in the future (iat).");
        }

        if (notBefore > now + ClockSkewSeconds)
        {
            throw new TokenRejectedException(TokenFailureReason.NotYetValid, "The token is not valid yet (nbf).");
        }

        long? relative = null;
        if (expiresIn is { } seconds)
        {
            if (issuedAt is not { } issued)
            {
                throw new TokenRejectedException(TokenFailureReason.MissingExpiry, "expires_in counts from iat, and the token has no iat.");
            }

            if (seconds <= 0)
            {
                throw new TokenRejectedException(TokenFailureReason.InvalidClaim, "expires_in must be a positive number of seconds.");
            }

            relative = issued > 0 && seconds > long.MaxValue - issued ? long.MaxValue : issued + seconds;
        }

        if (expires is null && relative is null)
        {
            throw new TokenRejectedException(TokenFailureReason.MissingExpiry, allowExpiresIn
                ? "The token needs exp, or iat with expires_in."
                : "The token needs exp.");
        }

        // Both present: both must hold, so the earlier one decides.
        var effective = Math.Min(expires ?? long.MaxValue, relative ?? long.MaxValue);
        if (effective <= now - ClockSkewSeconds)
        {
            throw new TokenRejectedException(TokenFailureReason.TokenExpired, "The token has expired.");
        }

        return effective;
    }
}
