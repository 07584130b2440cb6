using Microsoft.AspNetCore.Diagnostics;

namespace AliasService.WebApi.Errors;

/// <summary>Gives every body-less error response (unknown route, wrong method, wrong content type …) the envelope.</summary>
internal static class StatusCodeEnvelope
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var message = status switch
        {
            StatusCodes.Status401Unauthorized => ErrorResponses.Unauthorized,
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status404NotFound => "Not found: no such route",
            StatusCodes.Status405MethodNotAllowed => $"Method {http.Request.Method} is not allowed on this route",
            StatusCodes.Status406NotAcceptable => "Only application/json responses are available",
            StatusCodes.Status413PayloadTooLarge => RequestBodyTooLargeException.DefaultMessage,
            StatusCodes.Status414UriTooLong => "The request URL is too long.",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported content type: send the body as application/json",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request headers are too large.",
            StatusCodes.Status429TooManyRequests => "Too many requests",
            >= 500 => "An unexpected error occurred.",
            _ => "The request could not be processed.",
        };
        return ErrorResponses.WriteAsync(http, status, new ErrorBody(message));
    }
}
