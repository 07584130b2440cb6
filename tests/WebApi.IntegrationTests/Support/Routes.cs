namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>The organization API's routes (docs/api.md, "Routes").</summary>
public static class Routes
{
    public const string List = "/organization/api/v1/aliases";
    public const string Create = "/organization/api/v1/alias/create";

    /// <summary>The owner read of one alias.</summary>
    public static string Get(string id) => $"/organization/api/v1/alias/{Uri.EscapeDataString(id)}";

    public static string Update(string id) => $"/organization/api/v1/alias/update/{Uri.EscapeDataString(id)}";

    public static string Delete(string id) => $"/organization/api/v1/alias/delete/{Uri.EscapeDataString(id)}";

    public static string MintToken(string id) => $"/organization/api/v1/alias/{Uri.EscapeDataString(id)}/token";

    /// <summary>Public retrieval (docs/api.md, "Alias tokens").</summary>
    public static string Retrieve(string id) => $"/api/v1/alias/{Uri.EscapeDataString(id)}";
}
