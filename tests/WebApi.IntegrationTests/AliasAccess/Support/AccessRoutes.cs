namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>The routes of public retrieval and alias-token minting (docs/api.md, "Routes").</summary>
internal static class AccessRoutes
{
    public static string Retrieve(string id, string? passcode = null) =>
        $"/api/v1/alias/{Uri.EscapeDataString(id)}" + (passcode is null ? string.Empty : "?passcode=" + Uri.EscapeDataString(passcode));

    public static string MintToken(string id) => $"/organization/api/v1/alias/{Uri.EscapeDataString(id)}/token";
}
