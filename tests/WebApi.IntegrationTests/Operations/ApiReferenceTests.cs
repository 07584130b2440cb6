using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.Security;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// docs/api.md, the API reference in the repository, keeps up with the code: every route of the OpenAPI document and
/// every <c>reason</c> a 401 can carry is in it, and nothing in the repository points outside it for the API.
/// </summary>
public sealed class ApiReferenceTests : ServiceTest
{
    private static readonly string[] OwnFolders = ["src", "tests", "docs", "scripts"];

    [Test]
    public async Task EveryRoute_IsInTheApiReference()
    {
        var reference = await File.ReadAllTextAsync(Repository.PathOf("docs/api.md"));
        using var response = await Factory.CreateClient().GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var routes = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .ToList();

        routes.Should().HaveCountGreaterThan(10);
        routes.Should().OnlyContain(route => reference.Contains($"`{route}`", StringComparison.Ordinal), "docs/api.md names every route as `METHOD path`");
    }

    [Test]
    public async Task EveryUnauthorizedReason_IsInTheApiReference()
    {
        var reference = await File.ReadAllTextAsync(Repository.PathOf("docs/api.md"));

        var reasons = Constants(typeof(TokenFailureReason)).Concat(Constants(typeof(CredentialRefusal))).ToList();

        reasons.Should().Contain(["bad_signature", "invalid_passcode"]);
        reasons.Should().OnlyContain(reason => reference.Contains($"| `{reason}` |", StringComparison.Ordinal), "docs/api.md explains every reason in its table");
    }

    [Test]
    public void Repository_NeverPointsOutsideItselfForTheApi()
    {
        var files = OwnFolders.Select(Repository.PathOf)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Append(Repository.PathOf("README.md"))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains("node_modules", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(path) is ".cs" or ".md" or ".mjs" or ".cjs" or ".ts" or ".sh" or ".json" or ".yaml")
            .ToList();

        var offending = files
            .Where(path => File.ReadAllText(path) is var text
                && (text.Contains("../shared", StringComparison.Ordinal)
                    || text.Contains("api-contract", StringComparison.Ordinal)
                    || text.Contains("contract section", StringComparison.OrdinalIgnoreCase)))
            .Where(path => !path.EndsWith(nameof(ApiReferenceTests) + ".cs", StringComparison.Ordinal))
            .ToList();

        files.Should().HaveCountGreaterThan(100);
        offending.Should().BeEmpty("the API reference is docs/api.md, inside the repository");
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}
