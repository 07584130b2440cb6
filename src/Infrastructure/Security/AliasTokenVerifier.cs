using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Verifies alias tokens (docs/api.md, "Alias tokens") with <see cref="JsonWebTokenHandler"/>, after the structural checks
/// the library does not make. The algorithm comes from the key, never from the token: the alias secret allows
/// HS256/384/512 only, and exactly one key is handed to the library. Claims are checked on the raw JSON.
/// </summary>
public sealed class AliasTokenVerifier(AliasServiceDbContext db, TimeProvider clock) : IAliasTokenVerifier
{
    /// <summary>
    /// The HMAC algorithms and, per RFC 7518 section 3.2, the shortest key each accepts (as long as its hash).
    /// Every alias secret is long enough for HS256.
    /// </summary>
    private static readonly Dictionary<string, int> HmacMinimumKeyBytes = new(StringComparer.Ordinal)
    {
        [SecurityAlgorithms.HmacSha256] = 32,
        [SecurityAlgorithms.HmacSha384] = 48,
        [SecurityAlgorithms.HmacSha512] = 64,
    };

    /// <summary>Random keys, one per HMAC key length, that stand in for a missing or too short alias secret.</summary>
    private static readonly Dictionary<int, SymmetricSecurityKey> StandInKeys =
        HmacMinimumKeyBytes.Values.Distinct().ToDictionary(length => length, length => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(length)));

    /// <summary>Which token algorithms each kind of registered key allows: RSA → RS256 and PS256; EC by curve.</summary>
    private static readonly Dictionary<string, string[]> AsymmetricAlgorithms = new(StringComparer.Ordinal)
    {
        ["RS256"] = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
        ["ES256"] = [SecurityAlgorithms.EcdsaSha256],
        ["ES384"] = [SecurityAlgorithms.EcdsaSha384],
        ["ES512"] = [SecurityAlgorithms.EcdsaSha512],
    };

    /// <summary>
    /// Parsed public keys by (key id, thumbprint), loaded once and never disposed: Microsoft.IdentityModel caches
    /// signature providers per key, so a key disposed after one request would break the next. Whether a key may
    /// be used is still decided by the database lookup on every request, so a deleted key stops working at once.
    /// </summary>
    private static readonly ConcurrentDictionary<(string KeyId, string Fingerprint), SecurityKey> LoadedKeys = new();

    private const int MaxLoadedKeys = 10_000;

    private static readonly HashSet<string> AnyAsymmetricAlgorithm = AsymmetricAlgorithms.Values.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);

    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = JwtStructure.MaxTokenLength };

    public async Task<AliasTokenVerification> VerifyAsync(string token, Alias alias, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(alias);
        try
        {
            var structure = JwtStructure.Parse(token);
            var (signingKey, unusableSecret) = await SigningKeyForAsync(structure, alias, cancellationToken).ConfigureAwait(false);
            var result = await Handler.ValidateTokenAsync(token, Parameters(signingKey, structure.Algorithm)).ConfigureAwait(false);
            if (unusableSecret is not null)
            {
                // Checked against a stand-in key, so the refusal costs and reads like any bad signature.
                throw new TokenRejectedException(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify, unusableSecret);
            }

            if (!result.IsValid)
            {
                throw LibraryFailures.Translate(result.Exception);
            }

            return AliasTokenVerification.Valid(CheckClaims(structure.Payload, alias));
        }
        catch (TokenRejectedException rejected)
        {
            return AliasTokenVerification.Refused(rejected.Reason, rejected.Message, rejected.Diagnostic);
        }
    }

    /// <summary>
    /// The one key this token may be checked with. An HMAC algorithm only ever gets the alias secret (so a token
    /// "signed" with a public key's PEM text fails); an asymmetric one only ever gets the registered key of the
    /// alias's own organization that its <c>kid</c> names, and only if that key's family allows the algorithm.
    /// When the alias has no secret usable with the token's HMAC algorithm (none, or shorter than RFC 7518
    /// section 3.2 allows), the answer is a random stand-in key and the precise cause, so the public refusal is a
    /// plain bad signature: whether an alias has a secret, and how long it is, stays the owner's business.
    /// </summary>
    private async Task<(SecurityKey Key, string? UnusableSecret)> SigningKeyForAsync(JwtStructure structure, Alias alias, CancellationToken cancellationToken)
    {
        if (HmacMinimumKeyBytes.TryGetValue(structure.Algorithm, out var minimumBytes))
        {
            var keyBytes = alias.JwtSecret is { } secret ? Encoding.UTF8.GetBytes(secret) : null;
            if (keyBytes is null || keyBytes.Length < minimumBytes)
            {
                var cause = keyBytes is null ? TokenDiagnostic.NoJwtSecret
                    : structure.Algorithm == SecurityAlgorithms.HmacSha384 ? TokenDiagnostic.Hs384SecretTooShort
                    : TokenDiagnostic.Hs512SecretTooShort;
                return (StandInKeys[minimumBytes], cause);
            }

            return (new SymmetricSecurityKey(keyBytes), null);
        }

        if (!AnyAsymmetricAlgorithm.Contains(structure.Algorithm))
        {
            throw new TokenRejectedException(TokenFailureReason.UnsupportedAlgorithm, "Alias tokens are signed HS256/384/512 with the alias secret, or RS256, PS256 or ES256/384/512 with a registered JWT key.");
        }

        // kid is untrusted text: only ever a parameter of this tenant-scoped lookup.
        var registered = !JwtKey.IsWellFormedId(structure.KeyId)
            ? null
            : await db.JwtKeys.AsNoTracking()
                .Where(k => k.Id == structure.KeyId && k.OrganizationId == alias.OrganizationId)
                .Select(k => new { k.PublicKeyPem, k.Algorithm, k.Fingerprint })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (registered is null)
        {
            throw new TokenRejectedException(TokenFailureReason.UnknownKey, "The kid does not name a JWT key of this alias's organization.");
        }

        if (!AsymmetricAlgorithms[registered.Algorithm].Contains(structure.Algorithm, StringComparer.Ordinal))
        {
            throw new TokenRejectedException(TokenFailureReason.UnsupportedAlgorithm, $"The key named by kid accepts {string.Join(" or ", AsymmetricAlgorithms[registered.Algorithm])} tokens only.");
        }

        if (LoadedKeys.Count >= MaxLoadedKeys)
        {
            // Entries of deleted keys are never used again; a full cache is simply started afresh.
            LoadedKeys.Clear();
        }

        try
        {
            return (LoadedKeys.GetOrAdd((structure.KeyId!, registered.Fingerprint), _ => Load(registered.PublicKeyPem, registered.Algorithm)), null);
        }
        catch (DomainValidationException)
        {
            // Registered before the key rules were tightened (another RSA exponent, an explicit EC curve).
            throw new TokenRejectedException(TokenFailureReason.UnknownKey, "The key named by kid is no longer accepted (RSA keys need the exponent 65537, EC keys a named curve): register a new key.");
        }
    }

    private static SecurityKey Load(string pem, string algorithm) => PublicKeyReader.Load(pem, algorithm) switch
    {
        RSA rsa => new RsaSecurityKey(rsa),
        ECDsa ec => new ECDsaSecurityKey(ec),
        _ => throw new InvalidOperationException("Unexpected key type."),
    };

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

        string? userId = null;
        if (payload.TryGetProperty("user_id", out var userClaim))
        {
            userId = userClaim.ValueKind switch
            {
                JsonValueKind.String => userClaim.GetString(),
                JsonValueKind.Null => null,
                _ => throw new TokenRejectedException(TokenFailureReason.InvalidClaim, "The user_id claim must be a string."),
            };
        }

        TokenLifetime.Check(payload, clock.GetUtcNow().ToUnixTimeSeconds(), allowExpiresIn: true);
        if (alias.RevocationsCovering(userId, ClaimRules.OptionalInteger(payload, "iat")).Count > 0)
        {
            throw new TokenRejectedException(TokenFailureReason.TokenRevoked, "The token was issued at or before a revocation of this alias's tokens (or has no iat): ask for a new token.");
        }

        return host;
    }
}
