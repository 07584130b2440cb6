namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>The key-management routes (docs/api.md, "Routes") and public retrieval.</summary>
public static class KeyRoutes
{
    public const string JwtKeys = "/organization/api/v1/jwt_keys";
    public const string ApiKeys = "/organization/api/v1/api_keys";

    public static string JwtKey(string id) => $"{JwtKeys}/{Uri.EscapeDataString(id)}";

    public static string ApiKey(string id) => $"{ApiKeys}/{Uri.EscapeDataString(id)}";

    public static string Retrieve(string aliasId) => $"/api/v1/alias/{Uri.EscapeDataString(aliasId)}";
}
