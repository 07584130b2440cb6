using System.Text;
using System.Text.Json;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Verifies alias tokens (contract section 5) with <see cref="JsonWebTokenHandler"/>, after the structural checks
/// the library does not make. The algorithm comes from the key, never from the token: the alias secret allows
/// HS256/384/512 only, and exactly one key is handed to the library. Claims are checked on the raw JSON.
/// </summary>
public sealed class AliasTokenVerifier(TimeProvider clock) : IAliasTokenVerifier
{
    private static readonly string[] HmacAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];

    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = JwtStructure.MaxTokenLength };

    public async Task<AliasTokenVerification> VerifyAsync(string token, Alias alias, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(alias);
        try
        {
            var structure = JwtStructure.Parse(token);
            var key = SigningKeyFor(structure, alias);
            var result = await Handler.ValidateTokenAsync(token, Parameters(key, structure.Algorithm)).ConfigureAwait(false);
            if (!result.IsValid)
            {
                throw LibraryFailures.Translate(result.Exception);
            }

            return AliasTokenVerification.Valid(CheckClaims(structure.Payload, alias));
        }
        catch (TokenRejectedException rejected)
        {
            return AliasTokenVerification.Refused(rejected.Reason, rejected.Message);
        }
    }

    private static SecurityKey SigningKeyFor(JwtStructure structure, Alias alias)
    {
        if (HmacAlgorithms.Contains(structure.Algorithm, StringComparer.Ordinal))
        {
            var secret = alias.JwtSecret
                ?? throw new TokenRejectedException(TokenFailureReason.BadSignature, "This alias has no jwt_secret, so it accepts no HMAC-signed token.");
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
        }

        throw new TokenRejectedException(TokenFailureReason.UnsupportedAlgorithm, "Alias tokens are signed HS256, HS384 or HS512 with the alias's jwt_secret.");
    }

    private static TokenValidationParameters Parameters(SecurityKey key, string algorithm) => new()
    {
        // Exactly this one key, whatever kid the token names (or none): never a search among keys.
        IssuerSigningKeyResolver = (_, _, _, _) => [key],
        ValidAlgorithms = [algorithm],
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false,
        ValidateIssuer = false,
        ValidateAudience = false,

        // Lifetime is checked by TokenLifetime on the raw claims against the injected clock (see CheckClaims).
        ValidateLifetime = false,
        RequireExpirationTime = false,
    };

    /// <summary>Answers the <c>host</c> flag once <c>alias</c>, <c>host</c>, <c>user_id</c> and the lifetime hold.</summary>
    private bool CheckClaims(JsonElement payload, Alias alias)
    {
        if (!payload.TryGetProperty("alias", out var aliasClaim)
            || aliasClaim.ValueKind != JsonValueKind.String
            || !string.Equals(aliasClaim.GetString(), alias.Id, StringComparison.Ordinal))
        {
            throw new TokenRejectedException(TokenFailureReason.AliasMismatch, "The alias claim must be a JSON string equal to the alias id.");
        }

        var host = false;
        if (payload.TryGetProperty("host", out var hostClaim))
        {
            host = hostClaim.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new TokenRejectedException(TokenFailureReason.InvalidClaim, "The host claim must be true or false."),
            };
        }

        if (payload.TryGetProperty("user_id", out var userClaim) && userClaim.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw new TokenRejectedException(TokenFailureReason.InvalidClaim, "The user_id claim must be a string.");
        }

        TokenLifetime.Check(payload, clock.GetUtcNow().ToUnixTimeSeconds(), allowExpiresIn: true);
        return host;
    }
}
