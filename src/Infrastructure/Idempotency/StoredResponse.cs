namespace AliasService.Infrastructure.Idempotency;

/// <summary>A completed request's status and JSON body, as answered again to its retries.</summary>
public sealed record StoredResponse(int Status, string Body);
