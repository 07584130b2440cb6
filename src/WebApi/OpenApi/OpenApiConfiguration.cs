using System.Text.Json.Nodes;
using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.MintAliasToken;
using AliasService.Domain.Common;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AliasService.WebApi.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at <c>/openapi/v1.json</c>: snake_case schemas, the error envelope on every error
/// status, the bearer scheme (required on organization routes, optional on public retrieval), examples that succeed when sent.
/// </summary>
internal static class OpenApiConfiguration
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "Bearer";

    private static readonly (int Status, string Description)[] CommonErrors =
    [
        (StatusCodes.Status429TooManyRequests, "Too many requests; see the Retry-After header"),
        (StatusCodes.Status500InternalServerError, "Unexpected error (envelope, no internals)"),
    ];

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer(DescribeDocument);
            options.AddSchemaTransformer(DescribeSchema);
            options.AddOperationTransformer(DescribeOperation);
        });
        return services;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AliasService API",
            Version = "v1",
            Description = "Manage aliases (named conference or live rooms) of an organization, and retrieve them publicly, "
                + "with a passcode, or with an alias JWT. Organization routes need an organization token: a JWT signed HS256 with an "
                + "API key secret, header kid = the API key id, exp at most 24 h ahead. Every error answers "
                + "{\"error\": {\"message\": \"...\"}}. Times are Unix seconds.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Organization token (HS256, kid = API key id) on /organization/api/v1/*; on GET /api/v1/alias/{id} "
                + "optionally an organization token of the owner or an alias token (see docs/access-rules.md).",
        };
        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // Public retrieval: anonymous, or with a bearer token (owner's organization token or an alias token).
            operation.Security = [new OpenApiSecurityRequirement(), requirement];
        }
        else if (metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [requirement];
        }

        operation.Responses ??= new OpenApiResponses();
        // 429 and 500 can answer any operation: they reuse the content (the error envelope) of its documented 4xx.
        var envelope = operation.Responses.Where(r => r.Key.StartsWith('4')).Select(r => r.Value.Content).FirstOrDefault();
        foreach (var (status, description) in CommonErrors)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (envelope is not null && !operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse { Description = description, Content = envelope };
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            // Optional<T> is "T or null, may be left out" on the wire.
            var inner = Nullable.GetUnderlyingType(type.GetGenericArguments()[0]) ?? type.GetGenericArguments()[0];
            schema.Type = (inner == typeof(long) || inner == typeof(int) ? JsonSchemaType.Integer : JsonSchemaType.String) | JsonSchemaType.Null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            return Task.CompletedTask;
        }

        if (IsResponse(type) && schema.Properties is { Count: > 0 } responseProperties)
        {
            // Responses always carry every member (nulls included), so every member is required.
            schema.Required = new HashSet<string>(responseProperties.Keys, StringComparer.Ordinal);
        }

        if (type == typeof(ErrorBody) && schema.Properties is { } errorProperties)
        {
            // details and reason are left out when they do not apply, never sent as null.
            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "message" };
            foreach (var optional in new[] { "details", "reason" })
            {
                if (errorProperties.TryGetValue(optional, out var member) && member is OpenApiSchema optionalSchema && optionalSchema.Type is { } optionalType)
                {
                    optionalSchema.Type = optionalType & ~JsonSchemaType.Null;
                }
            }
        }

        if (type == typeof(CreateAliasRequest))
        {
            // Nullable in C# so that a missing member reaches the validator, but required on the wire.
            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "type", "expired_at" };
            foreach (var name in schema.Required)
            {
                if (schema.Properties is { } properties && properties.TryGetValue(name, out var found) && found is OpenApiSchema property && property.Type is { } wireType)
                {
                    property.Type = wireType & ~JsonSchemaType.Null;
                }
            }
        }

        if (typeof(IRejectsUnknownMembers).IsAssignableFrom(type))
        {
            schema.Properties?.Remove("unknown_members");
            schema.AdditionalPropertiesAllowed = false;
            schema.AdditionalProperties = null;
        }

        if (Examples.For(type) is { } example)
        {
            schema.Examples = [example];
        }

        return Task.CompletedTask;
    }

    private static bool IsResponse(Type type) =>
        type == typeof(AliasDto) || type == typeof(AliasTokenDto) || type == typeof(MessageResponse)
        || type == typeof(ErrorEnvelope)
        || type.Namespace?.StartsWith("AliasService.Application.ApiKeys", StringComparison.Ordinal) == true
        || type.Namespace?.StartsWith("AliasService.Application.JwtKeys", StringComparison.Ordinal) == true
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(DataEnvelope<>) || type.GetGenericTypeDefinition() == typeof(ListEnvelope<>)));

    /// <summary>Examples taken from the seed documents (seed 000's private alias, seed 001's requests).</summary>
    private static class Examples
    {
        public static JsonNode? For(Type type) => type switch
        {
            _ when type == typeof(AliasDto) => JsonNode.Parse("""
                {"id":"priva","type":"conference","name":"Private Alias Name","passcode":null,"jwt_secret":"your-secure-secret-of-at-least-32-bytes","stream_key":null,"expired_at":1737456308,"inserted_at":1737356308}
                """),
            _ when type == typeof(CreateAliasRequest) => JsonNode.Parse("""
                {"type":"conference","name":"Private Alias Name","jwt_secret":"your-secure-secret-of-at-least-32-bytes","expired_at":1737456308}
                """),
            _ when type == typeof(UpdateAliasRequest) => JsonNode.Parse("""
                {"type":"conference","name":"Updated Alias Name","passcode":null}
                """),
            _ when type == typeof(MintAliasTokenRequest) => JsonNode.Parse("""
                {"user_id":"user456xxyz","host":true,"expires_in":3600}
                """),
            _ when type == typeof(AliasTokenDto) => JsonNode.Parse("""
                {"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhbGlhcyI6InByaXZhIn0.signature","expires_at":1737359908}
                """),
            _ when type == typeof(ErrorEnvelope) => JsonNode.Parse("""
                {"error":{"message":"Alias not found"}}
                """),
            _ when type == typeof(MessageResponse) => JsonNode.Parse("""
                {"message":"Alias deleted successfully."}
                """),
            _ => null,
        };
    }
}
