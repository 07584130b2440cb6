using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace AliasService.WebApi.Telemetry;

/// <summary>
/// One log line per request: method, route template, status and duration. The query string (which may carry a
/// passcode) is never logged; request id, trace id and path (ids only) come from ASP.NET Core's logging scope.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // After an exception the handler has cleared the endpoint; its feature still knows the route.
            var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Route} responded {StatusCode} in {DurationMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double durationMs);
}
