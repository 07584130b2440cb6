using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// The OpenAPI 3.1 document at <c>/openapi/v1.json</c> describes exactly what the controllers do (checked
/// against their attributes by reflection), in the wire's snake_case, with the error envelope and the bearer
/// scheme where they apply; the Scalar reference at <c>/docs</c> is served by the service itself.
/// </summary>
public sealed partial class OpenApiDocumentTests : ServiceTest
{
    private const string DocumentPath = "/openapi/v1.json";
    private const string ErrorEnvelopeRef = "#/components/schemas/ErrorEnvelope";
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static IEnumerable<TestCaseData> Actions() =>
        ControllerActions.All().Select(a => new TestCaseData(a).SetArgDisplayNames(a.ToString()));

    private static IEnumerable<TestCaseData> BodyActions() =>
        ControllerActions.All().Where(a => a.TakesJsonBody).Select(a => new TestCaseData(a).SetArgDisplayNames(a.ToString()));

    /// <summary>Error statuses the service answers, found by asking it, per operation.</summary>
    private static IEnumerable<TestCaseData> ObservedStatuses()
    {
        // A well-formed alias id, so a body problem is found before "no such alias"; key routes find it malformed (404).
        static string Url(string path) => path.Replace("{id}", "noSuchAlias47110", StringComparison.Ordinal);

        var actions = ControllerActions.All();
        var probes = new List<StatusProbe>();
        probes.AddRange(actions.Where(a => a.Path.StartsWith("/organization/", StringComparison.Ordinal))
            .Select(a => new StatusProbe(a.Method, a.Path, Url(a.Path), null, Authenticated: false, 401)));
        probes.AddRange(actions.Where(a => a.Path.Contains("{id}", StringComparison.Ordinal)).Select(a => new StatusProbe(
            a.Method, a.Path, Url(a.Path), a.Method == "POST" ? ValidBodyFor(a.Path) : null, Authenticated: true, 404)));
        foreach (var (method, path) in actions.Where(a => a.TakesJsonBody).Select(a => (a.Method, a.Path)))
        {
            probes.Add(new StatusProbe(method, path, Url(path), StatusProbe.MalformedJson, Authenticated: true, 400));
            probes.Add(new StatusProbe(method, path, Url(path), StatusProbe.Oversized, Authenticated: true, 413));
            probes.Add(new StatusProbe(method, path, Url(path), StatusProbe.PlainText, Authenticated: true, 415));
        }

        return probes.Select(p => new TestCaseData(p).SetArgDisplayNames(p.ToString()));
    }

    [Test]
    public async Task Document_IsOpenApi31()
    {
        var document = await ReadDocumentAsync();

        document.GetProperty("openapi").GetString().Should().MatchRegex(@"^3\.1\.\d+$");
    }

    [Test]
    public void Reflection_FindsTheControllerActions()
    {
        ControllerActions.All().Select(a => a.ToString()).Should().Contain(
        [
            "GET /api/v1/alias/{id}",
            "GET /organization/api/v1/aliases",
            "GET /organization/api/v1/alias/{id}",
            "POST /organization/api/v1/alias/create",
            "POST /organization/api/v1/alias/update/{id}",
            "DELETE /organization/api/v1/alias/delete/{id}",
            "POST /organization/api/v1/alias/{id}/token",
        ]);
    }

    [TestCaseSource(nameof(Actions))]
    public async Task ControllerAction_IsDocumentedWithEveryDeclaredStatus(ControllerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var document = await ReadDocumentAsync();

        document.GetProperty("paths").TryGetProperty(action.Path, out var path).Should().BeTrue("{0} should be a documented path", action.Path);
        path.TryGetProperty(action.Method.ToLowerInvariant(), out var operation).Should().BeTrue("{0} should be documented", action);
        var documented = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        documented.Should().Contain(action.Statuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCaseSource(nameof(ObservedStatuses))]
    public async Task ObservedErrorStatus_IsDocumentedForItsOperation(StatusProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var document = await ReadDocumentAsync();
        using var client = probe.Authenticated ? Client : Factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = ContentFor(probe.Body) };

        using var response = await client.SendAsync(request);

        await response.ReadErrorAsync((HttpStatusCode)probe.Status);
        var operation = document.GetProperty("paths").GetProperty(probe.Path).GetProperty(probe.Method.ToLowerInvariant());
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .Should().Contain(probe.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), "the service answers it");
    }

    [Test]
    public async Task Document_DescribesNoOperationThatNoControllerActionServes()
    {
        var document = await ReadDocumentAsync();

        var documented = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}");

        documented.Should().BeEquivalentTo(ControllerActions.All().Select(a => a.ToString()));
    }

    [Test]
    public async Task EveryErrorResponse_ReferencesTheErrorEnvelope()
    {
        var document = await ReadDocumentAsync();

        var errors = Operations(document)
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name[0] is '4' or '5')
                .Select(r => (Name: $"{o.Method.ToUpperInvariant()} {o.Path} {r.Name}", Response: r.Value)))
            .ToList();

        errors.Should().NotBeEmpty();
        foreach (var (name, response) in errors)
        {
            response.TryGetProperty("content", out var content).Should().BeTrue("{0} should have a body", name);
            content.EnumerateObject().Select(c => c.Name).Should().Equal(["application/json"], "{0} answers JSON only", name);
            content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
                .Should().Be(ErrorEnvelopeRef, "{0} answers the error envelope", name);
        }
    }

    [Test]
    public async Task ErrorEnvelopeSchema_IsErrorWithMessage()
    {
        var document = await ReadDocumentAsync();

        var envelope = Resolve(document, ErrorEnvelopeRef);
        envelope.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("error");
        var body = Resolve(document, envelope.GetProperty("properties").GetProperty("error"));
        body.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("message");
        body.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("message", "details", "reason");
    }

    [Test]
    public async Task Schemas_UseSnakeCasePropertyNames()
    {
        var document = await ReadDocumentAsync();

        var names = Schemas(document)
            .Where(s => s.Schema.TryGetProperty("properties", out _))
            .SelectMany(s => s.Schema.GetProperty("properties").EnumerateObject().Select(p => $"{s.Name}.{p.Name}"))
            .ToList();

        names.Should().NotBeEmpty();
        names.Should().OnlyContain(n => SnakeCase().IsMatch(n.Split('.', 2)[1]), "the wire uses snake_case only");
    }

    [Test]
    public async Task AliasSchema_HasTheAliasFieldsInWireOrder()
    {
        var document = await ReadDocumentAsync();

        var alias = AliasSchema(document);

        alias.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal(HttpJson.AliasFields);
        alias.GetProperty("properties").TryGetProperty("expiredAt", out _).Should().BeFalse();
        alias.GetProperty("properties").TryGetProperty("jwtSecret", out _).Should().BeFalse();
    }

    [Test]
    public async Task AliasSchemaExample_HasTheShapeOfAnAlias()
    {
        var document = await ReadDocumentAsync();

        var example = AliasSchema(document).GetProperty("examples").EnumerateArray().Should().ContainSingle().Subject;

        example.ShouldBeAliasObject();
        example.Text("type").Should().BeOneOf("conference", "live");
    }

    [Test]
    public async Task BearerScheme_IsHttpBearerJwt()
    {
        var document = await ReadDocumentAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.EnumerateObject().Select(s => s.Name).Should().Equal("Bearer");
        var bearer = schemes.GetProperty("Bearer");
        bearer.Text("type").Should().Be("http");
        bearer.Text("scheme").Should().BeEquivalentTo("bearer");
        bearer.Text("bearerFormat").Should().Be("JWT");
    }

    [Test]
    public async Task OrganizationOperations_RequireTheBearerScheme()
    {
        var document = await ReadDocumentAsync();

        var operations = Operations(document).Where(o => o.Path.StartsWith("/organization/api/v1/", StringComparison.Ordinal)).ToList();

        operations.Should().HaveCountGreaterThanOrEqualTo(5);
        foreach (var (method, path, operation) in operations)
        {
            SecurityOf(operation).Should().Equal(["Bearer"], "{0} {1} needs an organization token, with no anonymous alternative", method, path);
        }
    }

    [Test]
    public async Task PublicRetrieval_TakesTheBearerSchemeOptionally()
    {
        var document = await ReadDocumentAsync();

        var retrieve = document.GetProperty("paths").GetProperty("/api/v1/alias/{id}").GetProperty("get");

        // OpenAPI: an empty requirement object makes security optional; the other alternative is the bearer token.
        SecurityOf(retrieve).Should().BeEquivalentTo([string.Empty, "Bearer"]);
    }

    [TestCaseSource(nameof(BodyActions))]
    public async Task RequestBody_RefusesUnknownMembers(ControllerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var document = await ReadDocumentAsync();
        var (method, path) = (action.Method.ToLowerInvariant(), action.Path);

        var body = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody");
        var schema = Resolve(document, body.GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        schema.GetProperty("additionalProperties").ValueKind.Should().Be(JsonValueKind.False);
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().NotContain(["unknown_members", "UnknownMembers", "unknownMembers"]);
        schema.GetProperty("properties").EnumerateObject().Should().NotBeEmpty();
    }

    [Test]
    public async Task Docs_RedirectsToTheReferencePage()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/docs");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        new Uri(new Uri("http://localhost/docs"), response.Headers.Location!).AbsolutePath.Should().Be("/docs/");
    }

    [Test]
    public async Task DocsPage_IsHtmlThatLoadsScalarFromTheServiceItself()
    {
        using var response = await Factory.CreateClient().GetAsync("/docs/");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        html.Should().ContainEquivalentOf("scalar");
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        scripts.Should().Contain("scalar.js");
        scripts.Should().OnlyContain(s => !s.Contains("//", StringComparison.Ordinal), "scripts come from the service, not a CDN");
    }

    [Test]
    public async Task ScalarScript_IsJavaScriptServedByTheService()
    {
        using var response = await Factory.CreateClient().GetAsync("/docs/scalar.js");

        var script = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().BeOneOf("text/javascript", "application/javascript");
        script.Length.Should().BeGreaterThan(1000);
    }

    private static HttpContent? ContentFor(string? body) => body switch
    {
        null => null,
        StatusProbe.Oversized => HttpJson.Body($$"""{"name":"{{new string('x', 70 * 1024)}}"}"""),
        StatusProbe.PlainText => new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"),
        StatusProbe.MalformedJson => HttpJson.Body("{\"name\":"),
        _ => HttpJson.Body(body),
    };

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var response = await Factory.CreateClient().GetAsync(DocumentPath);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(member => Verbs.Contains(member.Name))
            .Select(member => (member.Name, path.Name, member.Value)));

    private static IEnumerable<(string Name, JsonElement Schema)> Schemas(JsonElement document) =>
        document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => (s.Name, s.Value));

    private static JsonElement AliasSchema(JsonElement document) => Resolve(document, "#/components/schemas/AliasDto");

    /// <summary>The names of the schemes in each alternative requirement ("" for an empty requirement).</summary>
    private static List<string> SecurityOf(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
            ? [.. security.EnumerateArray().Select(r => string.Join("+", r.EnumerateObject().Select(s => s.Name)))]
            : [];

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Resolve(document, reference.GetString()!) : schema;

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        reference.Should().StartWith("#/components/schemas/");
        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]*)\"")]
    private static partial Regex ScriptSource();

    /// <summary>A body every POST route with an id accepts as valid (inspection needs a token), so only the id can fail.</summary>
    private static string ValidBodyFor(string path) =>
        path.EndsWith("/token/inspect", StringComparison.Ordinal) ? """{"token":"a.b.c"}""" : "{}";
}
