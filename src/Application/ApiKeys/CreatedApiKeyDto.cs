namespace AliasService.Application.ApiKeys;

/// <summary>A new API key with its secret, shown this once.</summary>
public sealed record CreatedApiKeyDto(string Id, string Secret, long CreatedAt, long? LastUsedAt, long? RevokedAt, long? ExpiresAt = null);
