using System.Diagnostics.CodeAnalysis;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.Security;
using Microsoft.Extensions.Primitives;

namespace AliasService.WebApi.Authentication;

/// <summary>Extracts the token of a single <c>Authorization: Bearer …</c> header (RFC 6750 section 2.1).</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    private static readonly CredentialRefusal NotABearerToken =
        CredentialRefusal.OfToken(TokenFailureReason.Malformed, "Send exactly one Authorization header of the form 'Bearer <token>'.");

    public static bool TryRead(StringValues authorization, [NotNullWhen(true)] out string? token, [NotNullWhen(false)] out CredentialRefusal? refusal)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value
            || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || value.Length == Prefix.Length)
        {
            token = null;
            refusal = NotABearerToken;
            return false;
        }

        token = value[Prefix.Length..].Trim();
        refusal = null;
        return true;
    }
}
