using System.Security.Claims;

namespace AliasService.WebApi.Authentication;

/// <summary>The claims the organization-token scheme puts on an authenticated caller.</summary>
internal static class OrganizationClaims
{
    public const string OrganizationId = "aliasservice:organization_id";
    public const string ApiKeyId = "aliasservice:api_key_id";

    public static string GetOrganizationId(this ClaimsPrincipal user) =>
        user.FindFirst(OrganizationId)?.Value
        ?? throw new InvalidOperationException("The caller is not authenticated with an organization token.");
}
