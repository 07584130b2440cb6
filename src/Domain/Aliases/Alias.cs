using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AliasService.Domain.Common;

namespace AliasService.Domain.Aliases;

/// <summary>A named room of an organization; the aggregate that owns the expiry and redaction rules.</summary>
public sealed class Alias
{
    /// <summary>
    /// At most this many users' revocations are kept per alias; past it, the oldest is folded into the alias-wide
    /// revocation (docs/access-rules.md, "Token lifecycle"), so the bound never lets a revoked token back in.
    /// </summary>
    public const int MaxUserRevocations = 100;

    /// <summary>The longest overlap a rotated-out JWT secret may keep working: 7 days, the longest alias token lifetime.</summary>
    public const long MaxPreviousValidFor = 7 * 24 * 3600;

    private readonly List<TokenRevocation> _userRevocations = [];

    private Alias(string id, string organizationId, AliasType type, long expiredAt, long insertedAt)
    {
        Id = id;
        OrganizationId = organizationId;
        Type = type;
        ExpiredAt = expiredAt;
        InsertedAt = insertedAt;
    }

    public string Id { get; private set; }

    public string OrganizationId { get; private set; }

    public AliasType Type { get; private set; }

    public string? Name { get; private set; }

    public string? Passcode { get; private set; }

    public string? JwtSecret { get; private set; }

    public string? StreamKey { get; private set; }

    /// <summary>The JWT secret before the last rotation, still accepted until <see cref="PreviousJwtSecretValidUntil"/>.</summary>
    public string? PreviousJwtSecret { get; private set; }

    /// <summary>Unix seconds until which (exclusive) <see cref="PreviousJwtSecret"/> still verifies tokens.</summary>
    public long? PreviousJwtSecretValidUntil { get; private set; }

    /// <summary>Unix seconds at or after which the alias is expired.</summary>
    public long ExpiredAt { get; private set; }

    /// <summary>Unix seconds of creation.</summary>
    public long InsertedAt { get; private set; }

    /// <summary>
    /// Unix seconds of the latest revocation of all the alias's tokens: tokens issued at or before it (or without
    /// <c>iat</c>) are refused. Null when the alias's tokens were never revoked as a whole.
    /// </summary>
    public long? TokensRevokedAt { get; private set; }

    /// <summary>Revocations of single users' tokens, newer than <see cref="TokensRevokedAt"/>; at most <see cref="MaxUserRevocations"/>.</summary>
    public IReadOnlyCollection<TokenRevocation> UserRevocations => _userRevocations.AsReadOnly();

    /// <summary>Optimistic concurrency token: changes on every update.</summary>
    public Guid Version { get; private set; }

    /// <summary>Has a passcode or a JWT secret, so public retrieval needs a credential.</summary>
    public bool IsProtected => Passcode is not null || JwtSecret is not null;

    /// <summary>Creates an alias, enforcing every field rule and reporting all broken ones at once.</summary>
    public static Alias Create(
        string organizationId,
        AliasType type,
        string? name,
        string? passcode,
        string? jwtSecret,
        string? streamKey,
        long expiredAt,
        TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        var now = UnixTime.Now(clock);
        var errors = new ValidationErrors();
        AliasRules.CheckType(type, errors);
        AliasRules.CheckName(name, errors);
        AliasRules.CheckPasscode(passcode, errors);
        AliasRules.CheckJwtSecret(jwtSecret, errors);
        AliasRules.CheckStreamKey(streamKey, errors);
        AliasRules.CheckExpiredAt(expiredAt, now, errors);
        errors.ThrowIfAny();

        return new Alias(NewId(), organizationId, type, expiredAt, now)
        {
            Name = name,
            Passcode = passcode,
            JwtSecret = jwtSecret,
            StreamKey = streamKey,
            Version = Guid.NewGuid(),
        };
    }

    private const int IdBytes = 12;

    /// <summary>A new random alias id: 96 bits, base64url, 16 characters.</summary>
    public static string NewId() => RandomIdentifier.New(string.Empty, IdBytes);

    /// <summary>Whether <paramref name="id"/> could be an alias id (16 base64url characters); anything else names no alias.</summary>
    public static bool IsWellFormedId([NotNullWhen(true)] string? id) => RandomIdentifier.IsWellFormed(id, string.Empty, IdBytes);

    /// <summary>Applies a partial update; nothing changes unless every given field is valid.</summary>
    public void Update(AliasChanges changes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new ValidationErrors();
        if (changes.Type.HasValue)
        {
            AliasRules.CheckType(changes.Type.Value, errors);
        }

        if (changes.Name.HasValue)
        {
            AliasRules.CheckName(changes.Name.Value, errors);
        }

        if (changes.Passcode.HasValue)
        {
            AliasRules.CheckPasscode(changes.Passcode.Value, errors);
        }

        if (changes.JwtSecret.HasValue)
        {
            AliasRules.CheckJwtSecret(changes.JwtSecret.Value, errors);
        }

        if (changes.StreamKey.HasValue)
        {
            AliasRules.CheckStreamKey(changes.StreamKey.Value, errors);
        }

        if (changes.ExpiredAt.HasValue)
        {
            AliasRules.CheckExpiredAt(changes.ExpiredAt.Value, UnixTime.Now(clock), errors);
        }

        errors.ThrowIfAny();

        Type = changes.Type.GetValueOrDefault(Type);
        Name = changes.Name.GetValueOrDefault(Name);
        Passcode = changes.Passcode.GetValueOrDefault(Passcode);
        if (changes.JwtSecret.HasValue)
        {
            // Setting the secret directly is a cut-over: only a rotation keeps the previous one working.
            JwtSecret = changes.JwtSecret.Value;
            PreviousJwtSecret = null;
            PreviousJwtSecretValidUntil = null;
        }

        StreamKey = changes.StreamKey.GetValueOrDefault(StreamKey);
        ExpiredAt = changes.ExpiredAt.GetValueOrDefault(ExpiredAt);
        Version = Guid.NewGuid();
    }

    /// <summary>The secret alias tokens are signed with; an alias without one cannot have HMAC tokens minted.</summary>
    public string RequireJwtSecret() =>
        JwtSecret ?? throw new DomainRuleException("This alias has no jwt_secret, so no alias token can be minted for it: set one with update first.");

    /// <summary>
    /// Replaces the JWT secret by <paramref name="newSecret"/> (a random 256-bit one when null) and keeps the current
    /// one working for <paramref name="previousValidFor"/> seconds (0 to <see cref="MaxPreviousValidFor"/>), so
    /// tokens already handed out keep working while clients move to the new secret. Answers when the previous one
    /// stops (null when there is none to keep).
    /// </summary>
    public long? RotateJwtSecret(string? newSecret, long previousValidFor, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        AliasRules.CheckJwtSecret(newSecret, errors);
        if (previousValidFor is < 0 or > MaxPreviousValidFor)
        {
            errors.Add("previous_valid_for", $"must be from 0 to {MaxPreviousValidFor} seconds (7 days)");
        }

        errors.ThrowIfAny();
        var now = UnixTime.Now(clock);
        var keep = JwtSecret is not null && previousValidFor > 0;
        PreviousJwtSecret = keep ? JwtSecret : null;
        PreviousJwtSecretValidUntil = keep ? now + previousValidFor : null;
        JwtSecret = newSecret ?? RandomIdentifier.New(string.Empty, 32);
        Version = Guid.NewGuid();
        return PreviousJwtSecretValidUntil;
    }

    /// <summary>The previous JWT secret while its overlap lasts at <paramref name="now"/> (Unix seconds), else null.</summary>
    public string? PreviousJwtSecretAt(long now) => PreviousJwtSecretValidUntil > now ? PreviousJwtSecret : null;

    /// <summary>Replaces the stream key by a new random one (the old one stops at once) and answers it.</summary>
    public string RotateStreamKey()
    {
        StreamKey = RandomIdentifier.New("live_", 24);
        Version = Guid.NewGuid();
        return StreamKey;
    }

    /// <summary>
    /// Revokes the alias's tokens issued up to now: every user's (<paramref name="userId"/> null) or one user's. A token
    /// minted in the same second is revoked too. Keeps at most <see cref="MaxUserRevocations"/> user revocations: past
    /// that, the oldest is folded into the alias-wide revocation (which then covers everyone's older tokens as well).
    /// </summary>
    public AppliedRevocation RevokeTokens(string? userId, TimeProvider clock)
    {
        var now = UnixTime.Now(clock);
        if (userId is null)
        {
            RevokeAllUpTo(now);
        }
        else if (_userRevocations.SingleOrDefault(r => string.Equals(r.UserId, userId, StringComparison.Ordinal)) is { } existing)
        {
            existing.MoveTo(now);
        }
        else
        {
            _userRevocations.Add(TokenRevocation.For(Id, userId, now));
            if (_userRevocations.Count > MaxUserRevocations)
            {
                RevokeAllUpTo(_userRevocations.Min(r => r.RevokedAt));
            }
        }

        Version = Guid.NewGuid();
        return new AppliedRevocation(userId, now);
    }

    /// <summary>
    /// The revocations that refuse a token of this alias for <paramref name="userId"/> issued at <paramref name="issuedAt"/>
    /// (null: the token has no <c>iat</c>): the alias-wide one and that user's, where they cover it. Empty when none does.
    /// </summary>
    public IReadOnlyList<AppliedRevocation> RevocationsCovering(string? userId, long? issuedAt)
    {
        var applied = new List<AppliedRevocation>(2);
        if (TokensRevokedAt is { } all && new AppliedRevocation(null, all) is var aliasWide && aliasWide.Covers(issuedAt))
        {
            applied.Add(aliasWide);
        }

        if (userId is not null
            && _userRevocations.SingleOrDefault(r => string.Equals(r.UserId, userId, StringComparison.Ordinal)) is { } revocation
            && new AppliedRevocation(userId, revocation.RevokedAt) is var user
            && user.Covers(issuedAt))
        {
            applied.Add(user);
        }

        return applied;
    }

    /// <summary>Moves the alias-wide revocation up to <paramref name="revokedAt"/>; user revocations it now covers are dropped.</summary>
    private void RevokeAllUpTo(long revokedAt)
    {
        TokensRevokedAt = Math.Max(TokensRevokedAt ?? revokedAt, revokedAt);
        _userRevocations.RemoveAll(r => r.RevokedAt <= TokensRevokedAt);
    }

    /// <summary>An alias whose <see cref="ExpiredAt"/> is at or before now is expired.</summary>
    public bool IsExpired(TimeProvider clock) => ExpiredAt <= UnixTime.Now(clock);

    /// <summary>
    /// Compares a candidate passcode in constant time over fixed-length SHA-256 digests, so neither the
    /// content nor the length of the stored passcode leaks through timing. The digests cover the UTF-16 code
    /// units, so the comparison is exact (no lossy re-encoding of unpaired surrogates).
    /// </summary>
    public bool PasscodeMatches(string? candidate)
    {
        if (Passcode is null || candidate is null)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(Passcode.AsSpan()), expected);
        SHA256.HashData(MemoryMarshal.AsBytes(candidate.AsSpan()), actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The redaction rule: the owner sees all (and the version), a host sees the stream key, the public sees no secret.</summary>
    public AliasView ViewFor(AliasViewer viewer) => new(
        Id,
        Type,
        Name,
        viewer == AliasViewer.Owner ? Passcode : null,
        viewer == AliasViewer.Owner ? JwtSecret : null,
        viewer is AliasViewer.Owner or AliasViewer.Host ? StreamKey : null,
        ExpiredAt,
        InsertedAt,
        viewer == AliasViewer.Owner ? Version : null);
}
