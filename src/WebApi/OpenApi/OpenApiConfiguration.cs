using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AliasService.WebApi.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at <c>/openapi/v1.json</c>, exact enough that generated clients are right. Everything is
/// derived by convention, so a new endpoint is described without touching this folder: operation ids from the action
/// names (named after their use case), tag descriptions from the controllers' summaries, schema keywords from the
/// validation attributes (<see cref="OpenApiSchemaConventions"/>), error responses and headers from the statuses an
/// action declares (<see cref="OpenApiOperationConventions"/>). Full reference in docs/api.md.
/// </summary>
internal static partial class OpenApiConfiguration
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "Bearer";

    /// <summary>The setting for the absolute URL clients reach the service at (behind a proxy); relative when unset.</summary>
    public const string PublicBaseUrlSetting = "OpenApi:PublicBaseUrl";

    public static IServiceCollection AddApiDocument(this IServiceCollection services, IConfiguration configuration)
    {
        var server = ServerUrl(configuration[PublicBaseUrlSetting]);
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Optional<T> is "T, or left out": described inline where it is used, never as a type of its own.
            options.CreateSchemaReferenceId = type => OpenApiSchemaConventions.IsOptional(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, context, _) =>
            {
                Describe(document, server);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(OpenApiSchemaConventions.TransformAsync);
            options.AddOperationTransformer(OpenApiOperationConventions.TransformAsync);
        });
        return services;
    }

    /// <summary>
    /// The document's one server: the configured public base URL, or <c>/</c> (relative to wherever the document was
    /// fetched from). Never the request's Host header, which any client can set.
    /// </summary>
    private static string ServerUrl(string? publicBaseUrl)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            return "/";
        }

        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException($"{PublicBaseUrlSetting} must be an absolute http(s) URL without query or fragment, e.g. https://api.example.com.");
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static void Describe(OpenApiDocument document, string server)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AliasService API",
            Version = "v1",
            Description = "Manage aliases (named conference or live rooms) of an organization, and retrieve them publicly, "
                + "with a passcode, or with an alias token. Organization routes need an organization token: a JWT signed HS256 "
                + "with an API key secret, header kid = the API key id, exp at most 24 h ahead. Every error answers "
                + "{\"error\": {\"message\": \"...\"}}. Times are Unix seconds. The full reference is docs/api.md in the repository.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-AliasService-Proprietary" },
        };
        document.Servers = [new OpenApiServer { Url = server }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Organization token (HS256, kid = API key id) on /organization/api/v1/*; on GET /api/v1/alias/{id} "
                + "optionally an organization token of the owner or an alias token (docs/access-rules.md).",
        };

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description ??= ControllerSummaries.Value.GetValueOrDefault(tag.Name ?? string.Empty);
        }
    }

    /// <summary>
    /// Each controller's XML summary by the name its operations are tagged with (the controller name without
    /// "Controller"), read from the documentation file built beside the assembly.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ControllerSummaries = new(() =>
    {
        var path = Path.ChangeExtension(typeof(OpenApiConfiguration).Assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        var controllers = typeof(OpenApiConfiguration).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .ToDictionary(t => "T:" + t.FullName, t => t.Name[..^"Controller".Length], StringComparer.Ordinal);
        return XDocument.Load(path).Descendants("member")
            .Where(m => controllers.ContainsKey((string?)m.Attribute("name") ?? string.Empty))
            .ToDictionary(m => controllers[(string)m.Attribute("name")!], m => PlainText(m.Element("summary")), StringComparer.Ordinal);
    });

    /// <summary>An XML doc element as one line of Markdown: <c>&lt;c&gt;x&lt;/c&gt;</c> becomes <c>`x`</c>, a cref its last name.</summary>
    private static string PlainText(XElement? element)
    {
        if (element is null)
        {
            return string.Empty;
        }

        var text = string.Concat(element.Nodes().Select(node => node switch
        {
            XElement { Name.LocalName: "c" } code => "`" + code.Value + "`",
            XElement see when see.Attribute("cref") is { } cref => cref.Value[(cref.Value.LastIndexOf('.') + 1)..],
            XElement other => other.Value,
            _ => node.ToString(),
        }));
        return Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
