namespace AliasService.Application.Aliases;

/// <summary>
/// A revocation of an alias's tokens: all of them (<see cref="UserId"/> null) or one user's, refusing every token issued
/// at or before <see cref="RevokedAt"/> (Unix seconds) and every token without <c>iat</c>.
/// </summary>
public sealed record TokenRevocationDto(string AliasId, string? UserId, long RevokedAt);
