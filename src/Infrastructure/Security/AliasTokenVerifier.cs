using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Verifies alias tokens (docs/api.md, "Alias tokens") with <see cref="JsonWebTokenHandler"/>, after the structural checks
/// the library does not make. The algorithm comes from the key, never from the token: the alias secret allows
/// HS256/384/512 only, and exactly one key is handed to the library at a time (during a rotation's overlap the
/// previous secret is a second candidate). Claims are checked on the raw JSON. The answer is the whole decision
/// (<see cref="AliasTokenVerification"/>): public retrieval and the owner's token inspection use this same code.
/// </summary>
public sealed class AliasTokenVerifier(IRegisteredJwtKeys keys, TimeProvider clock) : IAliasTokenVerifier
{
    /// <summary>The key names inspection reports for the alias secrets (a registered key is named by its id).</summary>
    public const string CurrentSecret = "jwt_secret";
    public const string PreviousSecret = "previous_jwt_secret";

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

    /// <summary>
    /// The key of each alias secret in memory, by the secret's string instance (the one the cached alias holds; it and
    /// its key are collected together once the alias leaves the cache). Microsoft.IdentityModel finds a key's signature
    /// provider by the key's thumbprint, computed once per key object: a new key on every request cost a SHA-256
    /// thumbprint and a provider lookup each time, about 9 % of the request time of refusing a bad signature.
    /// </summary>
    private static readonly ConditionalWeakTable<string, SymmetricSecurityKey> SecretKeys = [];

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
    /// be used is still decided by the lookup of its registration on every request (the cached one is dropped when the
    /// key is deleted), so a deleted key stops working at once.
    /// </summary>
    private static readonly ConcurrentDictionary<(string KeyId, string Fingerprint), SecurityKey> LoadedKeys = new();

    private const int MaxLoadedKeys = 10_000;

    private static readonly HashSet<string> AnyAsymmetricAlgorithm = AsymmetricAlgorithms.Values.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);

    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = JwtStructure.MaxTokenLength };

    public Task<AliasTokenVerification> VerifyAsync(string token, Alias alias, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return VerifyAsync(token, AliasTokenTarget.For(alias, clock.GetUtcNow().ToUnixTimeSeconds()), cancellationToken);
    }

    /// <summary>Verifies against an explicit target (the stored alias, or keys supplied offline).</summary>
    public async Task<AliasTokenVerification> VerifyAsync(string token, AliasTokenTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(target);
        if (!JwtStructure.TryParse(token, out var structure, out var malformed))
        {
            return new AliasTokenVerification().Refuse(malformed);
        }

        var verification = Describe(structure);
        var (candidates, unusable) = await CandidateKeysAsync(structure, target, cancellationToken).ConfigureAwait(false);
        if (candidates is null)
        {
            return Refused(verification, unusable!, target);
        }

        verification = verification with { Key = candidates[0].Name };
        CredentialRefusal? primaryRefusal = null;
        string? verifiedBy = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var refused = await CheckSignatureAsync(token, structure.Algorithm, candidate.Key).ConfigureAwait(false);
            if (refused is null && candidate.UnusableSecret is null)
            {
                verifiedBy = candidate.Name;
                break;
            }

            if (i == 0)
            {
                primaryRefusal = refused;
            }
        }

        if (verifiedBy is null)
        {
            // A stand-in key (no usable secret) was checked like a real one, so that refusal costs and reads like any
            // bad signature.
            var refusal = candidates[0].UnusableSecret is { } cause
                ? CredentialRefusal.OfToken(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify, cause)
                : primaryRefusal!;
            return Refused(verification, refusal, target);
        }

        verification = verification with { Key = verifiedBy };
        var claimsRefused = CheckClaims(structure.Payload, target, verification, out var host);
        return claimsRefused is null ? verification with { IsValid = true, Host = host } : Refused(verification, claimsRefused, target);
    }

    /// <summary>
    /// The signature's refusal with this one key, or null when it verifies. An HMAC signature that is certainly wrong is
    /// refused without the library's validation (<see cref="HmacSignature"/>), with its answer: a bad signature once
    /// the library can read the token (its reading refuses some claim values, such as a non-numeric <c>exp</c>, as
    /// malformed before it looks at the signature).
    /// </summary>
    private static async Task<CredentialRefusal?> CheckSignatureAsync(string token, string algorithm, SecurityKey key)
    {
        if (key is SymmetricSecurityKey symmetric && HmacSignature.IsCertainlyWrong(token, symmetric, algorithm) && LibraryReads(token))
        {
            return CredentialRefusal.OfToken(TokenFailureReason.BadSignature, LibraryFailures.SignatureDoesNotVerify);
        }

        var result = await Handler.ValidateTokenAsync(token, Parameters(key, algorithm)).ConfigureAwait(false);
        return result.IsValid ? null : LibraryFailures.Translate(result.Exception);
    }

    private static bool LibraryReads(string token)
    {
        try
        {
            _ = new JsonWebToken(token);
            return true;
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException is one: the library's validation gives the answer.
            return false;
        }
    }

    private static AliasTokenVerification Refused(AliasTokenVerification verification, CredentialRefusal refusal, AliasTokenTarget target) =>
        verification.Refuse(refusal) with
        {
            Revocations = verification.Claims is not null ? target.RevocationsCovering(verification.UserId, verification.IssuedAt) : [],
        };

    /// <summary>What the readable parts of the token say, read leniently (a claim of the wrong type reads as absent here; the checks refuse it).</summary>
    private static AliasTokenVerification Describe(JwtStructure structure)
    {
        var payload = structure.Payload;
        var issuedAt = Lenient(payload, "iat");
        var expires = Lenient(payload, "exp");
        var expiresIn = Lenient(payload, "expires_in");
        long? relative = issuedAt is { } issued && expiresIn is { } seconds && seconds > 0 && seconds <= long.MaxValue - Math.Max(issued, 0) ? issued + seconds : null;
        long? effective = (expires, relative) switch
        {
            ({ } e, { } r) => Math.Min(e, r),
            ({ } e, null) => e,
            (null, { } r) => r,
            _ => null,
        };
        return new AliasTokenVerification
        {
            Algorithm = structure.Algorithm,
            Header = structure.Header,
            Claims = payload,
            UserId = payload.TryGetProperty("user_id", out var user) && user.ValueKind == JsonValueKind.String ? user.GetString() : null,
            IssuedAt = issuedAt,
            NotBefore = Lenient(payload, "nbf"),
            ExpiresAt = effective,
            ClockSkewSeconds = TokenLifetime.ClockSkewSeconds,
        };

        static long? Lenient(JsonElement payload, string claim) =>
            ClaimRules.TryOptionalInteger(payload, claim, out var value, out _) ? value : null;
    }

    /// <summary>
    /// The keys this token may be checked with, the one that decides a refusal first. An HMAC algorithm only ever gets
    /// the alias secret (so a token "signed" with a public key's PEM text fails), plus the previous secret during a
    /// rotation's overlap; an asymmetric one only ever gets the registered key of the alias's own organization that
    /// its <c>kid</c> names, and only if that key's family allows the algorithm. When the alias has no secret usable
    /// with the token's HMAC algorithm (none, or shorter than RFC 7518 section 3.2 allows), the first candidate is a
    /// random stand-in key with the precise cause, so the public refusal is a plain bad signature: whether an alias
    /// has a secret, and how long it is, stays the owner's business.
    /// </summary>
    private async Task<(List<CandidateKey>? Candidates, CredentialRefusal? Refusal)> CandidateKeysAsync(JwtStructure structure, AliasTokenTarget target, CancellationToken cancellationToken)
    {
        if (HmacMinimumKeyBytes.TryGetValue(structure.Algorithm, out var minimumBytes))
        {
            var candidates = new List<CandidateKey>(2) { HmacCandidate(CurrentSecret, target.JwtSecret, structure.Algorithm, minimumBytes) };
            if (target.PreviousJwtSecret is not null && HmacCandidate(PreviousSecret, target.PreviousJwtSecret, structure.Algorithm, minimumBytes) is { UnusableSecret: null } previous)
            {
                candidates.Add(previous);
            }

            return (candidates, null);
        }

        if (!AnyAsymmetricAlgorithm.Contains(structure.Algorithm))
        {
            return (null, CredentialRefusal.OfToken(TokenFailureReason.UnsupportedAlgorithm, "Alias tokens are signed HS256/384/512 with the alias secret, or RS256, PS256 or ES256/384/512 with a registered JWT key."));
        }

        // kid is untrusted text: only ever a parameter of this tenant-scoped lookup.
        var registered = await keys.FindAsync(target.OrganizationId, structure.KeyId, cancellationToken).ConfigureAwait(false);
        if (registered is null)
        {
            return (null, CredentialRefusal.OfToken(TokenFailureReason.UnknownKey, "The kid does not name a JWT key of this alias's organization."));
        }

        if (!AsymmetricAlgorithms[registered.Algorithm].Contains(structure.Algorithm, StringComparer.Ordinal))
        {
            return (null, CredentialRefusal.OfToken(TokenFailureReason.UnsupportedAlgorithm, $"The key named by kid accepts {string.Join(" or ", AsymmetricAlgorithms[registered.Algorithm])} tokens only."));
        }

        if (LoadedKeys.Count >= MaxLoadedKeys)
        {
            // Entries of deleted keys are never used again; a full cache is simply started afresh.
            LoadedKeys.Clear();
        }

        try
        {
            return ([new CandidateKey(registered.Id, LoadedKeys.GetOrAdd((registered.Id, registered.Fingerprint), _ => Load(registered.PublicKeyPem, registered.Algorithm)), null)], null);
        }
        catch (DomainValidationException)
        {
            // Registered before the key rules were tightened (another RSA exponent, an explicit EC curve).
            return (null, CredentialRefusal.OfToken(TokenFailureReason.UnknownKey, "The key named by kid is no longer accepted (RSA keys need the exponent 65537, EC keys a named curve): register a new key."));
        }
    }

    private static CandidateKey HmacCandidate(string name, string? secret, string algorithm, int minimumBytes)
    {
        if (secret is null || Encoding.UTF8.GetByteCount(secret) < minimumBytes)
        {
            var cause = secret is null ? TokenDiagnostic.NoJwtSecret
                : algorithm == SecurityAlgorithms.HmacSha384 ? TokenDiagnostic.Hs384SecretTooShort
                : TokenDiagnostic.Hs512SecretTooShort;
            return new CandidateKey(name, StandInKeys[minimumBytes], cause);
        }

        return new CandidateKey(name, SecretKeys.GetValue(secret, static s => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(s))), null);
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

    /// <summary>
    /// The refusal, if any, of <c>alias</c>, <c>host</c>, <c>user_id</c>, the lifetime and the revocations; the
    /// <c>host</c> flag when they hold.
    /// </summary>
    private CredentialRefusal? CheckClaims(JsonElement payload, AliasTokenTarget target, AliasTokenVerification verification, out bool host)
    {
        host = false;
        if (target.AliasId is not null
            && (!payload.TryGetProperty("alias", out var aliasClaim)
                || aliasClaim.ValueKind != JsonValueKind.String
                || !string.Equals(aliasClaim.GetString(), target.AliasId, StringComparison.Ordinal)))
        {
            return CredentialRefusal.OfToken(TokenFailureReason.AliasMismatch, "The alias claim must be a JSON string equal to the alias id.");
        }

        if (payload.TryGetProperty("host", out var hostClaim))
        {
            switch (hostClaim.ValueKind)
            {
                case JsonValueKind.True:
                    host = true;
                    break;
                case JsonValueKind.False:
                    break;
                default:
                    return CredentialRefusal.OfToken(TokenFailureReason.InvalidClaim, "The host claim must be true or false.");
            }
        }

        if (payload.TryGetProperty("user_id", out var userClaim) && userClaim.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            host = false;
            return CredentialRefusal.OfToken(TokenFailureReason.InvalidClaim, "The user_id claim must be a string.");
        }

        if (!TokenLifetime.TryCheck(payload, clock.GetUtcNow().ToUnixTimeSeconds(), allowExpiresIn: true, out _, out var lifetimeRefused))
        {
            host = false;
            return lifetimeRefused;
        }

        if (target.RevocationsCovering(verification.UserId, verification.IssuedAt).Count > 0)
        {
            host = false;
            return CredentialRefusal.OfToken(TokenFailureReason.TokenRevoked, "The token was issued at or before a revocation of this alias's tokens (or has no iat): ask for a new token.");
        }

        return null;
    }

    /// <summary>A key to check the signature with, its name for diagnostics, and why it cannot really verify (a stand-in).</summary>
    private sealed record CandidateKey(string Name, SecurityKey Key, string? UnusableSecret);
}
