namespace AliasService.Infrastructure.Idempotency;

/// <summary>What a request carrying an <c>Idempotency-Key</c> is to do.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The request holds the key: process it.</summary>
    Claimed,

    /// <summary>The key's first request completed with the same body: answer its stored response.</summary>
    Replay,

    /// <summary>The key's first request is still being processed.</summary>
    InFlight,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}
