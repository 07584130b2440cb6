namespace AliasService.Infrastructure.Idempotency;

/// <summary>
/// The request outlived its in-flight lease and a retry took its key over; its work is rolled back so the key
/// yields one result only.
/// </summary>
public sealed class IdempotencyClaimLostException()
    : Exception("A request with this Idempotency-Key is being processed; retry later.");
