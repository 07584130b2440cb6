using AliasService.Infrastructure.Security;
using Microsoft.Extensions.Primitives;

namespace AliasService.WebApi.Authentication;

/// <summary>Extracts the token of a single <c>Authorization: Bearer …</c> header (RFC 6750 section 2.1).</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    public static string From(StringValues authorization)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value
            || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || value.Length == Prefix.Length)
        {
            throw new TokenRejectedException(TokenFailureReason.Malformed, "Send exactly one Authorization header of the form 'Bearer <token>'.");
        }

        return value[Prefix.Length..].Trim();
    }
}
