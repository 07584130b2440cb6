using System.Net;
using System.Text;
using System.Text.Json;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>Reading and checking what the service sends back, from the raw response text.</summary>
public static class HttpJson
{
    /// <summary>The alias object's members, in wire order (docs/api.md, "The alias object").</summary>
    public static readonly string[] AliasFields = ["id", "type", "name", "passcode", "jwt_secret", "stream_key", "expired_at", "inserted_at"];

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Asserts the status and a JSON content type, and answers the parsed body (a detached copy).</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expectedStatus)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expectedStatus, "the body was: {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json", "the body was: {0}", text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Asserts the error envelope: exactly <c>{"error": {...}}</c>, a non-empty <c>message</c>, and only
    /// <c>message</c>, <c>details</c> and <c>reason</c> inside. Answers the inner <c>error</c> object.
    /// </summary>
    public static async Task<JsonElement> ReadErrorAsync(this HttpResponseMessage response, HttpStatusCode expectedStatus)
    {
        var root = await response.ReadJsonAsync(expectedStatus);
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("error");
        var error = root.GetProperty("error");
        error.ValueKind.Should().Be(JsonValueKind.Object);
        error.GetProperty("message").ValueKind.Should().Be(JsonValueKind.String);
        error.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        error.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["message", "details", "reason"]);
        return error;
    }

    /// <summary>The reasons the error's <c>details</c> give for one field (asserts that the field is named).</summary>
    public static string[] DetailsFor(this JsonElement error, string field)
    {
        error.TryGetProperty("details", out var details).Should().BeTrue("the error should name the offending field(s): {0}", error);
        details.TryGetProperty(field, out var reasons).Should().BeTrue("the details should name {0}: {1}", field, details);
        reasons.ValueKind.Should().Be(JsonValueKind.Array);
        var texts = reasons.EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToArray();
        texts.Should().NotBeEmpty().And.OnlyContain(r => r.Length > 0);
        return texts;
    }

    /// <summary>The field names <c>details</c> holds (empty when there is no <c>details</c>).</summary>
    public static IEnumerable<string> DetailFields(this JsonElement error) =>
        error.TryGetProperty("details", out var details) ? details.EnumerateObject().Select(p => p.Name).ToList() : [];

    /// <summary>Asserts <c>{"data": alias}</c> and answers the alias.</summary>
    public static JsonElement ShouldBeDataEnvelope(this JsonElement root)
    {
        root.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        var alias = root.GetProperty("data");
        alias.ShouldBeAliasObject();
        return alias;
    }

    /// <summary>Asserts the alias object's exact members, in wire order, with their JSON types.</summary>
    public static void ShouldBeAliasObject(this JsonElement alias)
    {
        alias.ValueKind.Should().Be(JsonValueKind.Object);
        alias.EnumerateObject().Select(p => p.Name).Should().Equal(AliasFields);
        alias.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
        alias.GetProperty("type").ValueKind.Should().Be(JsonValueKind.String);
        foreach (var optional in new[] { "name", "passcode", "jwt_secret", "stream_key" })
        {
            alias.GetProperty(optional).ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
        }

        foreach (var time in new[] { "expired_at", "inserted_at" })
        {
            alias.GetProperty(time).ValueKind.Should().Be(JsonValueKind.Number);
            alias.GetProperty(time).GetRawText().Should().MatchRegex("^[0-9]+$", "times are integer Unix seconds");
        }
    }

    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static long Number(this JsonElement element, string property) => element.GetProperty(property).GetInt64();
}
