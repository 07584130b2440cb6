using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>Shape checks for the JWT key and API key objects (docs/api.md, "JWT keys", "API keys").</summary>
public static class KeyJson
{
    public static readonly string[] JwtKeyFields = ["id", "name", "public_key", "algorithm", "fingerprint", "created_at", "updated_at"];
    public static readonly string[] ApiKeyFields = ["id", "created_at", "last_used_at", "revoked_at", "expires_at"];
    public static readonly string[] CreatedApiKeyFields = ["id", "secret", "created_at", "last_used_at", "revoked_at", "expires_at"];

    /// <summary>Asserts <c>{"data": object}</c> with exactly these members, in this order, and answers the object.</summary>
    public static JsonElement ShouldBeDataWith(this JsonElement root, string[] fields)
    {
        root.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        var data = root.GetProperty("data");
        data.EnumerateObject().Select(p => p.Name).Should().Equal(fields);
        return data;
    }

    /// <summary>Asserts the list envelope <c>{"after", "entries": [{"data": …}]}</c> and answers the objects.</summary>
    public static (string? After, List<JsonElement> Entries) ShouldBeListOf(this JsonElement root, string[] fields)
    {
        root.EnumerateObject().Select(p => p.Name).Should().Equal("after", "entries");
        root.GetProperty("after").ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
        var entries = root.GetProperty("entries").EnumerateArray().Select(e => e.ShouldBeDataWith(fields).Clone()).ToList();
        return (root.GetProperty("after").GetString(), entries);
    }

    /// <summary>Asserts a 201 with a JWT key object of the documented shape and answers the key.</summary>
    public static async Task<JsonElement> ReadJwtKeyAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.Created)
    {
        var key = (await response.ReadJsonAsync(status)).ShouldBeDataWith(JwtKeyFields);
        foreach (var text in new[] { "id", "name", "public_key", "algorithm", "fingerprint" })
        {
            key.GetProperty(text).ValueKind.Should().Be(JsonValueKind.String, "{0} is a string", text);
        }

        key.GetProperty("created_at").GetRawText().Should().MatchRegex("^[0-9]+$");
        key.GetProperty("updated_at").GetRawText().Should().MatchRegex("^[0-9]+$");
        return key.Clone();
    }

    public static IEnumerable<string> KeyIds(this IEnumerable<JsonElement> keys) => keys.Select(k => k.Text("id")!);
}
