using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AliasService.Application.Aliases.Commands.MintAliasToken;
using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Paging;
using AliasService.Application.JwtKeys.Commands.CreateJwtKey;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using MediatR;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// The OpenAPI document is exact enough for generated clients, and stays so by convention: operation ids name the
/// use case, every length and range keyword is one the server enforces (probed against the running service), every
/// request example succeeds as it is, nullability and required members match the wire, request bodies are
/// application/json only, response headers are described, and <c>servers</c> never comes from the request.
/// </summary>
public sealed partial class OpenApiConventionTests : ServiceTest
{
    private const string DocumentPath = "/openapi/v1.json";

    [Test]
    public async Task EveryOperation_HasTheOperationIdOfItsUseCase()
    {
        var operations = Operations(await ReadDocumentAsync()).ToList();

        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();

        ids.Should().BeEquivalentTo(ControllerActions.All().Select(a => a.Action));
        ids.Should().Contain(
        [
            "CreateAlias", "ListAliases", "GetAlias", "UpdateAlias", "DeleteAlias", "MintAliasToken", "RetrieveAlias", "RevokeAliasTokens", "RotateJwtSecret", "RotateStreamKey", "InspectAliasToken",
            "ListApiKeys", "CreateApiKey", "RevokeApiKey", "ListJwtKeys", "GetJwtKey", "CreateJwtKey", "DeleteJwtKey",
        ]);
    }

    [Test]
    public async Task EveryOperationId_NamesAMediatRRequestOfTheApplication()
    {
        var requests = typeof(ListAliasesQuery).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .Select(t => Regex.Replace(t.Name, "(Command|Query)$", string.Empty))
            .ToHashSet(StringComparer.Ordinal);

        var ids = Operations(await ReadDocumentAsync()).Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();

        ids.Should().OnlyHaveUniqueItems().And.OnlyContain(id => requests.Contains(id), "an action is named after the use case it sends");
    }

    [Test]
    public async Task AliasType_IsAnEnumEverywhere()
    {
        var document = await ReadDocumentAsync();
        string[] types = [AliasTypes.Conference, AliasTypes.Live];

        foreach (var schema in new[] { "AliasDto", "CreateAliasRequest", "UpdateAliasRequest" })
        {
            Enum(Schema(document, schema)["properties"]!["type"]!).Should().Equal(types, "{0}.type", schema);
        }

        Enum(Parameter(document, "/organization/api/v1/aliases", "get", "type")["schema"]!).Should().Equal(types);
    }

    [Test]
    public async Task ValidationRules_AreSchemaKeywordsFromTheSameConstants()
    {
        var document = await ReadDocumentAsync();
        var create = Schema(document, "CreateAliasRequest")["properties"]!;
        var mint = Schema(document, "MintAliasTokenRequest")["properties"]!;
        var key = Schema(document, "CreateJwtKeyRequest")["properties"]!;

        Keywords(create["name"]!).Should().Be((1, TextLimits.AliasNameMax));
        Keywords(create["passcode"]!).Should().Be((TextLimits.PasscodeMin, TextLimits.PasscodeMax));
        Keywords(create["stream_key"]!).Should().Be((1, TextLimits.StreamKeyMax));
        Keywords(create["jwt_secret"]!).Should().Be((TextLimits.JwtSecretMinBytes / 4, TextLimits.JwtSecretMaxBytes));
        Range(create["expired_at"]!).Should().Be((1, UnixTime.MillisecondsThreshold));
        Range(Schema(document, "UpdateAliasRequest")["properties"]!["expired_at"]!).Should().Be((1, UnixTime.MillisecondsThreshold));
        Keywords(mint["user_id"]!).Should().Be((1, TextLimits.TokenUserIdMax));
        Range(mint["expires_in"]!).Should().Be((1, MintAliasTokenCommand.MaxExpiresIn));
        Keywords(key["name"]!).Should().Be((1, TextLimits.JwtKeyNameMax));
        Keywords(key["public_key"]!).Should().Be((1, TextLimits.PublicKeyPemMax));
        var listings = ControllerActions.All()
            .Where(a => a.SuccessType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ListEnvelope<>) && a.QueryParameters.Contains("limit"))
            .Select(a => a.Path)
            .ToList();
        listings.Should().Contain(["/organization/api/v1/aliases", "/organization/api/v1/jwt_keys"]);
        foreach (var listing in listings)
        {
            var limit = Parameter(document, listing, "get", "limit")["schema"]!;
            Range(limit).Should().Be((1, PageLimits.Max), listing);
            limit["default"]!.GetValue<int>().Should().Be(PageLimits.Default);
        }
    }

    /// <summary>
    /// Every length and range keyword of every request body, probed on the running service: a value just beyond it is
    /// refused naming the member, and the longest string the keyword allows is accepted (<c>minLength</c> of a
    /// byte-counted member is only a lower bound, so only its refusal side is probed).
    /// </summary>
    [Test]
    public async Task EveryRequestKeyword_IsEnforcedByTheServer()
    {
        var document = await ReadDocumentAsync();
        var probes = 0;
        foreach (var (method, path, operation) in Operations(document).Where(o => o.Operation["requestBody"] is not null))
        {
            var schema = Resolve(document, operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var example = schema["examples"]![0]!;
            foreach (var (member, keywords) in schema["properties"]!.AsObject())
            {
                foreach (var (value, accepted) in Probes(keywords!, example[member]))
                {
                    var body = example.DeepClone().AsObject();
                    body[member] = value;
                    using var response = await SendExampleAsync(method, path, body.ToJsonString());
                    var what = $"{method.ToUpperInvariant()} {path} with {member} = {Shorten(value)}";
                    if (accepted)
                    {
                        ((int)response.StatusCode).Should().BeInRange(200, 299, "{0} is allowed by the document: {1}", what, await response.Content.ReadAsStringAsync());
                    }
                    else
                    {
                        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Contain(member, what);
                    }

                    probes++;
                }
            }
        }

        probes.Should().BeGreaterThan(20);
    }

    [Test]
    public async Task EveryRequestExample_SucceedsAsItIs()
    {
        var document = await ReadDocumentAsync();
        var sent = new List<string>();

        foreach (var (method, path, operation) in Operations(document).Where(o => o.Operation["requestBody"] is not null))
        {
            var schema = Resolve(document, operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var examples = schema["examples"]!.AsArray();
            examples.Should().NotBeEmpty("{0} {1} should have a request example", method, path);
            foreach (var example in examples)
            {
                using var response = await SendExampleAsync(method, path, example!.ToJsonString());
                ((int)response.StatusCode).Should().BeInRange(200, 299, "the example of {0} {1} should succeed: {2}", method, path, await response.Content.ReadAsStringAsync());
                sent.Add(operation["operationId"]!.GetValue<string>());
            }
        }

        sent.Should().Contain(["CreateAlias", "UpdateAlias", "MintAliasToken", "CreateJwtKey"]);
    }

    [Test]
    public async Task EnvelopeData_IsNeverNullable()
    {
        var document = await ReadDocumentAsync();

        var envelopes = document["components"]!["schemas"]!.AsObject().Where(s => s.Key.StartsWith("DataEnvelopeOf", StringComparison.Ordinal)).ToList();

        envelopes.Should().NotBeEmpty();
        foreach (var (name, schema) in envelopes)
        {
            var data = schema!["properties"]!["data"]!;
            data["$ref"]?.GetValue<string>().Should().NotBeNull("{0}.data is the object itself, never null: {1}", name, data.ToJsonString());
            schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("data");
        }
    }

    [TestCase("CreateAliasRequest", new[] { "type", "expired_at" })]
    [TestCase("CreateJwtKeyRequest", new[] { "name", "public_key" })]
    [TestCase("AliasDto", new[] { "id", "type", "name", "passcode", "jwt_secret", "stream_key", "expired_at", "inserted_at" })]
    [TestCase("ErrorBody", new[] { "message" })]
    public async Task RequiredMembers_AreMarkedRequiredAndNeverNull(string schemaName, string[] required)
    {
        var schema = Schema(await ReadDocumentAsync(), schemaName);

        schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().BeEquivalentTo(required);
        if (schemaName.EndsWith("Request", StringComparison.Ordinal))
        {
            required.Should().OnlyContain(member => !Types(schema["properties"]![member]!).Contains("null"));
        }
    }

    [Test]
    public async Task UpdateAliasRequest_ShowsWhatTheServerAccepts()
    {
        var document = await ReadDocumentAsync();
        var properties = Schema(document, "UpdateAliasRequest")["properties"]!;

        document["components"]!["schemas"]!.AsObject().Select(s => s.Key).Should().NotContain(k => k.StartsWith("Optional", StringComparison.Ordinal));
        Types(properties["type"]!).Should().Equal("string");
        Types(properties["expired_at"]!).Should().Equal("integer");
        foreach (var clearable in new[] { "name", "passcode", "jwt_secret", "stream_key" })
        {
            Types(properties[clearable]!).Should().BeEquivalentTo(["string", "null"], clearable);
        }
    }

    [TestCase("type")]
    [TestCase("expired_at")]
    public async Task UpdateAlias_WithNullForAMemberTheDocumentShowsNotNullable_Returns400NamingIt(string member)
    {
        var alias = await CreateAliasAsync();

        using var response = await Client.PostAsync(Routes.Update(alias.Text("id")!), HttpJson.Body($$"""{"{{member}}":null}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor(member).Should().ContainSingle().Which.Should().Contain("cannot be cleared");
    }

    [Test]
    public async Task RequestBodies_AreApplicationJsonOnly()
    {
        var bodies = Operations(await ReadDocumentAsync()).Where(o => o.Operation["requestBody"] is not null).ToList();

        bodies.Should().NotBeEmpty();
        bodies.Should().OnlyContain(o => o.Operation["requestBody"]!["content"]!.AsObject().Select(c => c.Key).SequenceEqual(new[] { "application/json" }));
    }

    [TestCase("application/merge-patch+json")]
    [TestCase("application/vnd.aliasservice+json")]
    [TestCase("text/json")]
    [TestCase("text/plain")]
    public async Task Create_WithAnotherJsonMediaType_Returns415(string mediaType)
    {
        var content = new StringContent($$"""{"type":"conference","expired_at":{{Factory.Now + 3600}}}""", Encoding.UTF8, mediaType);

        using var response = await Client.PostAsync(Routes.Create, content);

        await response.ReadErrorAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task ResponseHeaders_AreDescribed()
    {
        var operations = Operations(await ReadDocumentAsync()).ToDictionary(o => o.Operation["operationId"]!.GetValue<string>(), o => o.Operation);

        foreach (var operation in operations.Values)
        {
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var headers = response!["headers"]?.AsObject().Select(h => h.Key).ToList() ?? [];
                if (status[0] is '4' or '5')
                {
                    headers.Should().Contain("Cache-Control");
                }

                if (status == "401")
                {
                    headers.Should().Contain("WWW-Authenticate");
                }

                if (status == "429")
                {
                    headers.Should().Contain("Retry-After");
                }
            }
        }

        HeadersOf(operations["CreateAlias"], "201").Should().Contain("ETag");
        HeadersOf(operations["UpdateAlias"], "200").Should().Contain("ETag");
        HeadersOf(operations["RetrieveAlias"], "200").Should().Contain("ETag");
        HeadersOf(operations["MintAliasToken"], "201").Should().NotContain("ETag");
        operations["UpdateAlias"]["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain("If-Match");
    }

    [Test]
    public async Task Servers_IsRelativeWhateverTheHostHeaderSays()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DocumentPath);
        request.Headers.Host = "evil.example";

        using var response = await Factory.CreateClient().SendAsync(request);

        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).Should().Equal("/");
        document.ToJsonString().Should().NotContain("evil.example");
    }

    [Test]
    public async Task Servers_IsTheConfiguredPublicBaseUrl()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string> { ["OpenApi:PublicBaseUrl"] = "https://api.example.com/" });
        using var request = new HttpRequestMessage(HttpMethod.Get, DocumentPath);
        request.Headers.Host = "evil.example";

        using var response = await service.CreateAnonymousClient().SendAsync(request);

        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).Should().Equal("https://api.example.com");
    }

    [Test]
    public async Task Document_HasALicenceAndADescriptionForEveryTag()
    {
        var document = await ReadDocumentAsync();

        document["info"]!["license"]!["name"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        var tags = document["tags"]!.AsArray();
        tags.Select(t => t!["name"]!.GetValue<string>()).Should().BeEquivalentTo(
            Operations(document).SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())).Distinct());
        tags.Should().OnlyContain(t => t!["description"] != null && t["description"]!.GetValue<string>().Length > 10);
    }

    [Test]
    public async Task DocsPage_LeavesOutScalarsOnlineServices()
    {
        using var response = await Factory.CreateClient().GetAsync("/docs/");

        var configuration = ScalarConfiguration().Match(await response.Content.ReadAsStringAsync()).Groups["json"].Value;
        var settings = JsonNode.Parse(configuration)!;
        settings["agent"]!["disabled"]!.GetValue<bool>().Should().BeTrue();
        settings["mcp"]!["disabled"]!.GetValue<bool>().Should().BeTrue();
        settings["telemetry"]!.GetValue<bool>().Should().BeFalse();
        settings["hideClientButton"]!.GetValue<bool>().Should().BeTrue();
        settings["showDeveloperTools"]!.GetValue<string>().Should().Be("never");
    }

    /// <summary>Values at and just beyond a member's keywords, and whether the document allows them.</summary>
    private static IEnumerable<(JsonNode Value, bool Accepted)> Probes(JsonNode keywords, JsonNode? example)
    {
        if (keywords["maxLength"] is { } maxLength)
        {
            // The longest allowed value: the example's own value (which may have a format, e.g. PEM) padded with
            // insignificant whitespace, or plain letters.
            var longest = example?.GetValue<string>() is { } text
                ? text + new string(text.Contains('\n', StringComparison.Ordinal) ? '\n' : ' ', maxLength.GetValue<int>() - text.Length)
                : new string('x', maxLength.GetValue<int>());
            yield return (longest + "x", false);
            yield return (longest, true);
        }

        if (keywords["minLength"] is { } minLength && minLength.GetValue<int>() > 0)
        {
            yield return (new string('x', minLength.GetValue<int>() - 1), false);
        }

        if (keywords["maximum"] is { } maximum)
        {
            yield return (maximum.GetValue<long>() + 1, false);
        }

        if (keywords["minimum"] is { } minimum)
        {
            yield return (minimum.GetValue<long>() - 1, false);
        }

        if (keywords["enum"] is not null)
        {
            yield return ("not-one-of-them", false);
        }
    }

    /// <summary>Sends a request body to an operation, <c>{id}</c> being a fresh alias with a JWT secret.</summary>
    private async Task<HttpResponseMessage> SendExampleAsync(string method, string path, string body)
    {
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            var alias = await CreateAliasAsync("\"jwt_secret\":\"a-jwt-secret-of-at-least-32-bytes!!\"");
            path = path.Replace("{id}", alias.Text("id"), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path) { Content = HttpJson.Body(body) };
        return await Client.SendAsync(request);
    }

    private async Task<JsonNode> ReadDocumentAsync()
    {
        using var response = await Factory.CreateClient().GetAsync(DocumentPath);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<(string Method, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(member => member.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(member => (member.Key, path.Key, member.Value!)));

    private static JsonNode Schema(JsonNode document, string name) => document["components"]!["schemas"]![name]!;

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"] is { } reference ? Schema(document, reference.GetValue<string>()["#/components/schemas/".Length..]) : schema;

    private static JsonNode Parameter(JsonNode document, string path, string method, string name) =>
        document["paths"]![path]![method]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;

    private static IEnumerable<string> Enum(JsonNode schema) => schema["enum"]!.AsArray().Select(v => v!.GetValue<string>());

    private static (int, int) Keywords(JsonNode schema) => (schema["minLength"]!.GetValue<int>(), schema["maxLength"]!.GetValue<int>());

    private static (long, long) Range(JsonNode schema) => (schema["minimum"]!.GetValue<long>(), schema["maximum"]!.GetValue<long>());

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        { } one => [one.GetValue<string>()],
        null => [],
    };

    private static List<string> HeadersOf(JsonNode operation, string status) =>
        operation["responses"]![status]!["headers"]?.AsObject().Select(h => h.Key).ToList() ?? [];

    private static string Shorten(JsonNode value) => value.ToJsonString() is { Length: > 40 } text ? $"{text[..20]}… ({text.Length} characters)" : value.ToJsonString();

    [GeneratedRegex(@"initialize\(\s*'[^']*',\s*\w+,\s*(?<json>\{.*\}),\s*''\)", RegexOptions.Singleline)]
    private static partial Regex ScalarConfiguration();
}
