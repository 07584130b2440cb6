using AliasService.Application.Common.Exceptions;
using AliasService.Domain.Aliases;
using AliasService.Infrastructure.Security;
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
            AccessDeniedException e => ("denied", e.Reason),
            TokenRejectedException e => ("denied", e.Reason),
            AliasNotFoundException => ("not_found", "none"),
            AliasExpiredException => ("expired", "none"),
            _ => ("error", "none"),
        };
        metrics.Record(outcome, reason);
    }
}
