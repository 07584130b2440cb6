namespace AliasService.Infrastructure.Idempotency;

/// <summary>The rule for an <c>Idempotency-Key</c> header value: 1–255 printable ASCII characters, taken verbatim.</summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 255;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is >= ' ' and <= '~');
}
