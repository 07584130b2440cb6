using System.Globalization;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.RateLimiting;

/// <summary>
/// Applies <see cref="FailedRetrievalLimiter"/> to public retrieval: answers 429 with <c>Retry-After</c> once the
/// caller has used up its failed attempts for the alias, and counts every 401 it gets.
/// </summary>
internal sealed class FailedRetrievalLimitFilter(FailedRetrievalLimiter limiter) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var aliasId = context.RouteData.Values["id"] as string ?? string.Empty;
        if (!limiter.IsAllowed(client, aliasId, out var retryAfter))
        {
            http.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
            context.Result = new ObjectResult(new ErrorEnvelope(new ErrorBody("Too many failed attempts for this alias; retry later.")))
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
            };
            return;
        }

        var executed = await next();
        if (CredentialFailure.ReasonOf(executed.Exception) is not null
            || http.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            limiter.RecordFailure(client, aliasId);
        }
    }
}
