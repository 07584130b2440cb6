using System.Diagnostics.CodeAnalysis;
using AliasService.Domain.Common;

namespace AliasService.Domain.Organizations;

/// <summary>
/// A credential an organization signs its organization tokens with (HS256, <c>kid</c> = <see cref="Id"/>).
/// The secret is shown once, at creation, and stored encrypted.
/// </summary>
public sealed class ApiKey
{
    private ApiKey(string id, string organizationId, long createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }

    public string OrganizationId { get; private set; }

    /// <summary>The HMAC key (its UTF-8 bytes); 256 random bits, base64url.</summary>
    public string Secret { get; private set; } = string.Empty;

    public long CreatedAt { get; private set; }

    public long? LastUsedAt { get; private set; }

    /// <summary>Unix seconds of an immediate revocation; a revoked key never works again, whatever any clock says.</summary>
    public long? RevokedAt { get; private set; }

    /// <summary>
    /// Unix seconds from which the key no longer works by itself: set by <c>expires_in</c> at creation, or brought
    /// forward by a scheduled revocation. Null when the key has no end.
    /// </summary>
    public long? ExpiresAt { get; private set; }

    /// <summary>Signs valid organization tokens at <paramref name="now"/> (Unix seconds).</summary>
    public bool IsActiveAt(long now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);

    /// <summary>Neither revoked nor ending (no expiry, no scheduled revocation): what keeps an organization from locking itself out.</summary>
    public bool IsLasting => RevokedAt is null && ExpiresAt is null;

    private const string IdPrefix = "ak_";
    private const int IdBytes = 12;

    /// <summary>Whether <paramref name="id"/> could be an API key id (<c>ak_</c> and 16 base64url characters).</summary>
    public static bool IsWellFormedId([NotNullWhen(true)] string? id) => RandomIdentifier.IsWellFormed(id, IdPrefix, IdBytes);

    internal static ApiKey Issue(string organizationId, long? expiresIn, TimeProvider clock)
    {
        var now = UnixTime.Now(clock);
        return new(RandomIdentifier.New(IdPrefix, IdBytes), organizationId, now)
        {
            Secret = RandomIdentifier.New("sk_", 32),
            ExpiresAt = now + expiresIn,
        };
    }

    /// <summary>Revokes the key now.</summary>
    internal void Revoke(long now) => RevokedAt ??= now;

    /// <summary>Schedules the key's end at <paramref name="at"/>; an earlier end stands.</summary>
    internal void EndAt(long at) => ExpiresAt = ExpiresAt is { } already ? Math.Min(already, at) : at;

    /// <summary>Whether a use at <paramref name="now"/> is to be recorded, given the last one recorded (once a minute at most).</summary>
    public static bool IsUseDue(long? lastUsedAt, long now) => lastUsedAt is not { } last || now - last >= 60;

    /// <summary>Records use, at most once a minute so a busy key does not write on every request.</summary>
    public bool MarkUsed(TimeProvider clock)
    {
        var now = UnixTime.Now(clock);
        if (!IsUseDue(LastUsedAt, now))
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}
