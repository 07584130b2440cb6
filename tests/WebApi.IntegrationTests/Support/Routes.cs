namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>Every route the tests call (docs/api.md, "Routes"): one place, so a changed route is changed once.</summary>
public static class Routes
{
    public const string List = "/organization/api/v1/aliases";
    public const string Create = "/organization/api/v1/alias/create";
    public const string JwtKeys = "/organization/api/v1/jwt_keys";
    public const string ApiKeys = "/organization/api/v1/api_keys";

    /// <summary>The owner read of one alias.</summary>
    public static string Get(string id) => $"/organization/api/v1/alias/{Escape(id)}";

    public static string Update(string id) => $"/organization/api/v1/alias/update/{Escape(id)}";

    public static string Delete(string id) => $"/organization/api/v1/alias/delete/{Escape(id)}";

    public static string MintToken(string id) => $"/organization/api/v1/alias/{Escape(id)}/token";

    public static string RevokeTokens(string id) => $"/organization/api/v1/alias/{Escape(id)}/tokens/revoke";

    /// <summary>Rotation of an alias's <c>jwt_secret</c> or <c>stream_key</c>.</summary>
    public static string Rotate(string id, string what) => $"/organization/api/v1/alias/{Escape(id)}/{what}/rotate";

    /// <summary>An alias's access events, with an optional query string (without <c>?</c>).</summary>
    public static string Events(string id, string query = "") =>
        $"/organization/api/v1/alias/{Escape(id)}/events" + (query.Length == 0 ? string.Empty : "?" + query);

    public static string InspectToken(string id) => $"/organization/api/v1/alias/{Escape(id)}/token/inspect";

    public static string JwtKey(string id) => $"{JwtKeys}/{Escape(id)}";

    public static string ApiKey(string id) => $"{ApiKeys}/{Escape(id)}";

    /// <summary>Public retrieval (docs/api.md, "Alias tokens"), with the passcode as its query parameter when given.</summary>
    public static string Retrieve(string id, string? passcode = null) =>
        $"/api/v1/alias/{Escape(id)}" + (passcode is null ? string.Empty : "?passcode=" + Uri.EscapeDataString(passcode));

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
