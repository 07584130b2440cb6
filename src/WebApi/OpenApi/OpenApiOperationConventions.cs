using System.Globalization;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.Idempotency;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace AliasService.WebApi.OpenApi;

/// <summary>
/// Operations by convention: the operation id is the action's name (actions are named after their use case, the
/// MediatR request without Command/Query); the bearer scheme where authorization applies; the errors any operation
/// can answer; and the response headers each status carries.
/// </summary>
internal static class OpenApiOperationConventions
{
    /// <summary>Statuses any operation can answer, whatever it declares; they reuse its error envelope.</summary>
    private static readonly (int Status, string Description)[] CommonErrors =
    [
        (StatusCodes.Status400BadRequest, "Malformed request: a header that is not UTF-8 or holds control characters, a query parameter given twice …"),
        (StatusCodes.Status414UriTooLong, "The URL is longer than 8 KiB"),
        (StatusCodes.Status429TooManyRequests, "Too many requests; retry after the seconds in Retry-After"),
        (StatusCodes.Status431RequestHeaderFieldsTooLarge, "More than 100 header lines or 32 KiB of headers"),
        (StatusCodes.Status500InternalServerError, "Unexpected error (envelope, no internals)"),
        (StatusCodes.Status503ServiceUnavailable, "The database (or another dependency) is unavailable; retry after the seconds in Retry-After"),
    ];

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var action = context.Description.ActionDescriptor;
        if (action is ControllerActionDescriptor controllerAction)
        {
            operation.OperationId = controllerAction.ActionName;
        }

        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiConfiguration.BearerScheme, context.Document)] = [] };
        if (action.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            // Public retrieval: anonymous, or with a bearer token (owner's organization token or an alias token).
            operation.Security = [new OpenApiSecurityRequirement(), requirement];
        }
        else if (action.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [requirement];
        }

        if (action.EndpointMetadata.OfType<ServiceFilterAttribute>().Any(f => f.ServiceType == typeof(IdempotencyFilter)))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "1–255 printable ASCII characters: a retry with the same key and body replays the first answer (docs/api.md, \"Retrying a create safely\").",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
            });
        }

        operation.Responses ??= new OpenApiResponses();
        var envelope = operation.Responses.Where(r => r.Key.StartsWith('4')).Select(r => r.Value.Content).FirstOrDefault();
        foreach (var (status, description) in CommonErrors)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (envelope is not null && !operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse { Description = description, Content = envelope };
            }
        }

        foreach (var (key, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete)
            {
                DescribeHeaders(concrete, int.Parse(key, CultureInfo.InvariantCulture), context);
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeHeaders(OpenApiResponse response, int status, OpenApiOperationTransformerContext context)
    {
        var headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        if (status >= 400)
        {
            headers[HeaderNames.CacheControl] = Header("`no-store`: errors are never cached.", JsonSchemaType.String);
        }

        if (status == StatusCodes.Status401Unauthorized)
        {
            headers[HeaderNames.WWWAuthenticate] = Header(
                "The RFC 6750 challenge: `Bearer realm=\"AliasService\"`, with `error=\"invalid_token\"` and `error_description` when a token was sent and refused.",
                JsonSchemaType.String);
        }

        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            headers[HeaderNames.RetryAfter] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
        }

        var type = context.Description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == status)?.Type;
        if (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(DataEnvelope<>)
            && typeof(IVersionedDto).IsAssignableFrom(type.GetGenericArguments()[0]))
        {
            headers[HeaderNames.ETag] = Header(
                "The object's version, a strong entity tag; send it in `If-Match` to update only that version. Sent with the owner's view only.",
                JsonSchemaType.String);
        }

        if (headers.Count > 0)
        {
            response.Headers = headers;
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
