namespace AliasService.Infrastructure.Idempotency;

/// <summary>The judgement on one request's key; <see cref="Token"/> identifies the holder when it was claimed.</summary>
public sealed record IdempotencyClaim(string OrganizationId, string Key, Guid Token, IdempotencyOutcome Outcome, StoredResponse? Response = null);
