namespace AliasService.Infrastructure.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one organization: claimed by the request that first sent it, then holding that
/// request's response (encrypted: it may carry a new secret) until it expires.
/// </summary>
internal sealed class IdempotencyRecord
{
    public required string OrganizationId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request (method, path, body bytes); a retry must match it.</summary>
    public required byte[] Fingerprint { get; set; }

    /// <summary>Names the request that holds the claim; the response is stored only under the same token.</summary>
    public required Guid ClaimToken { get; set; }

    /// <summary>Unix seconds.</summary>
    public long CreatedAt { get; set; }

    /// <summary>Unix seconds after which the record no longer counts and is pruned.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>Unix seconds until which an unanswered claim counts as in flight; after it, a retry may take it over.</summary>
    public long? LockedUntil { get; set; }

    public int? ResponseStatus { get; set; }

    /// <summary>The response body, protected with <c>SecretProtector</c>.</summary>
    public string? ResponseBody { get; set; }
}
