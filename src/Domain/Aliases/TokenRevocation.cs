namespace AliasService.Domain.Aliases;

/// <summary>
/// The revocation of one user's alias tokens: every token of the alias whose <c>user_id</c> is <see cref="UserId"/> and
/// that was issued (<c>iat</c>) at or before <see cref="RevokedAt"/>, or has no <c>iat</c>, is refused.
/// </summary>
public sealed class TokenRevocation
{
    private TokenRevocation(Guid id, string aliasId, string userId, long revokedAt)
    {
        Id = id;
        AliasId = aliasId;
        UserId = userId;
        RevokedAt = revokedAt;
    }

    /// <summary>A surrogate key: user ids are too long for a portable composite key.</summary>
    public Guid Id { get; private set; }

    public string AliasId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>Unix seconds; tokens issued at or before it are refused.</summary>
    public long RevokedAt { get; private set; }

    internal static TokenRevocation For(string aliasId, string userId, long revokedAt) => new(Guid.NewGuid(), aliasId, userId, revokedAt);

    internal void MoveTo(long revokedAt) => RevokedAt = Math.Max(RevokedAt, revokedAt);
}
