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

    public long? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    private const string IdPrefix = "ak_";
    private const int IdBytes = 12;

    /// <summary>Whether <paramref name="id"/> could be an API key id (<c>ak_</c> and 16 base64url characters).</summary>
    public static bool IsWellFormedId([NotNullWhen(true)] string? id) => RandomIdentifier.IsWellFormed(id, IdPrefix, IdBytes);

    internal static ApiKey Issue(string organizationId, TimeProvider clock) =>
        new(RandomIdentifier.New(IdPrefix, IdBytes), organizationId, UnixTime.Now(clock)) { Secret = RandomIdentifier.New("sk_", 32) };

    internal void Revoke(TimeProvider clock) => RevokedAt ??= UnixTime.Now(clock);

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
