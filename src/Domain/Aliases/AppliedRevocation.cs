namespace AliasService.Domain.Aliases;

/// <summary>
/// A revocation that covers a token: of the whole alias (<see cref="UserId"/> null) or of one user's tokens, refusing
/// every token issued at or before <see cref="RevokedAt"/> (Unix seconds) and every token without <c>iat</c>.
/// </summary>
public sealed record AppliedRevocation(string? UserId, long RevokedAt)
{
    /// <summary>Whether a token issued at <paramref name="issuedAt"/> (null: it does not say) is refused by this revocation.</summary>
    public bool Covers(long? issuedAt) => issuedAt is not { } issued || issued <= RevokedAt;
}
