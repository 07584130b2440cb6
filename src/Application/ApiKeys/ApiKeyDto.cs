namespace AliasService.Application.ApiKeys;

/// <summary>An API key as listings show it: never its secret.</summary>
public sealed record ApiKeyDto(string Id, long CreatedAt, long? LastUsedAt, long? RevokedAt, long? ExpiresAt = null);
