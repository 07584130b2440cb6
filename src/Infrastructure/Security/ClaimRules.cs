using System.Text.Json;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Raw-JSON claim checks: the library reads <c>"exp": "123"</c> or <c>1.5</c> as numbers and <c>"host": "true"</c>
/// as true, so the service checks the JSON type of every claim it relies on itself.
/// </summary>
public static class ClaimRules
{
    /// <summary>The claim as a JSON integer (Unix seconds), null when absent; anything else is refused.</summary>
    public static long? OptionalInteger(JsonElement payload, string claim)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && !value.GetRawText().AsSpan().ContainsAny('.', 'e', 'E'))
        {
            return number;
        }

        throw new TokenRejectedException(TokenFailureReason.InvalidClaim, $"The {claim} claim must be an integer.");
    }
}
