using AliasService.Domain.Aliases;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AliasService.WebApi.Telemetry;

/// <summary>Records the outcome of each public retrieval; the exception handler still writes the response.</summary>
internal sealed class AccessDecisionFilter(AccessDecisionMetrics metrics) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        var (outcome, reason) = executed.Exception switch
        {
            null => ("allowed", "none"),
            var e when CredentialFailure.ReasonOf(e) is { } refused => ("denied", refused),
            AliasNotFoundException => ("not_found", "none"),
            AliasExpiredException => ("expired", "none"),
            _ => ("error", "none"),
        };
        metrics.Record(outcome, reason);
    }
}
