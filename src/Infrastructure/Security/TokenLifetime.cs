using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AliasService.Application.Common.Models;

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
    /// answers the effective expiry, or the refusal. A token with no lifetime at all is refused (<c>missing_expiry</c>).
    /// </summary>
    public static bool TryCheck(JsonElement payload, long now, bool allowExpiresIn, out long expiresAt, [NotNullWhen(false)] out CredentialRefusal? refusal)
    {
        expiresAt = 0;
        long? expiresIn = null;
        if (!ClaimRules.TryOptionalInteger(payload, "exp", out var expires, out refusal)
            || !ClaimRules.TryOptionalInteger(payload, "nbf", out var notBefore, out refusal)
            || !ClaimRules.TryOptionalInteger(payload, "iat", out var issuedAt, out refusal)
            || (allowExpiresIn && !ClaimRules.TryOptionalInteger(payload, "expires_in", out expiresIn, out refusal)))
        {
            return false;
        }

        if (issuedAt > now + ClockSkewSeconds)
        {
            return Refuse(TokenFailureReason.IssuedInFuture, "The token was issued in the future (iat).", out refusal);
        }

        if (notBefore > now + ClockSkewSeconds)
        {
            return Refuse(TokenFailureReason.NotYetValid, "The token is not valid yet (nbf).", out refusal);
        }

        long? relative = null;
        if (expiresIn is { } seconds)
        {
            if (issuedAt is not { } issued)
            {
                return Refuse(TokenFailureReason.MissingExpiry, "expires_in counts from iat, and the token has no iat.", out refusal);
            }

            if (seconds <= 0)
            {
                return Refuse(TokenFailureReason.InvalidClaim, "expires_in must be a positive number of seconds.", out refusal);
            }

            relative = issued > 0 && seconds > long.MaxValue - issued ? long.MaxValue : issued + seconds;
        }

        if (expires is null && relative is null)
        {
            return Refuse(TokenFailureReason.MissingExpiry, allowExpiresIn
                ? "The token needs exp, or iat with expires_in."
                : "The token needs exp.", out refusal);
        }

        // Both present: both must hold, so the earlier one decides.
        var effective = Math.Min(expires ?? long.MaxValue, relative ?? long.MaxValue);
        if (effective <= now - ClockSkewSeconds)
        {
            return Refuse(TokenFailureReason.TokenExpired, "The token has expired.", out refusal);
        }

        expiresAt = effective;
        return true;
    }

    private static bool Refuse(string reason, string description, out CredentialRefusal refusal)
    {
        refusal = CredentialRefusal.OfToken(reason, description);
        return false;
    }
}
