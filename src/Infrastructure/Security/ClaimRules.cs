using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AliasService.Application.Common.Models;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Raw-JSON claim checks: the library reads <c>"exp": "123"</c> or <c>1.5</c> as numbers and <c>"host": "true"</c>
/// as true, so the service checks the JSON type of every claim it relies on itself.
/// </summary>
public static class ClaimRules
{
    /// <summary>The claim as a JSON integer (Unix seconds), null when absent; anything else is refused.</summary>
    public static bool TryOptionalInteger(JsonElement payload, string claim, out long? value, [NotNullWhen(false)] out CredentialRefusal? refusal)
    {
        refusal = null;
        value = null;
        if (!payload.TryGetProperty(claim, out var element))
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number) && !element.GetRawText().AsSpan().ContainsAny('.', 'e', 'E'))
        {
            value = number;
            return true;
        }

        refusal = CredentialRefusal.OfToken(TokenFailureReason.InvalidClaim, $"The {claim} claim must be an integer.");
        return false;
    }
}
