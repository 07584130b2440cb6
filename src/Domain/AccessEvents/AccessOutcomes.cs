namespace AliasService.Domain.AccessEvents;

/// <summary>The outcomes an <see cref="AccessEvent"/> can have; the listing's <c>outcome</c> filter takes one of <see cref="All"/>.</summary>
public static class AccessOutcomes
{
    // Public retrieval.
    public const string Granted = "granted";
    public const string Refused = "refused";
    public const string Expired = "expired";
    public const string Limited = "limited";

    // Management changes.
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string JwtSecretRotated = "jwt_secret_rotated";
    public const string StreamKeyRotated = "stream_key_rotated";
    public const string TokensRevoked = "tokens_revoked";
    public const string TokenMinted = "token_minted";

    public static IReadOnlyList<string> All { get; } =
        [Granted, Refused, Expired, Limited, Created, Updated, Deleted, JwtSecretRotated, StreamKeyRotated, TokensRevoked, TokenMinted];
}
