using AliasService.Application.Aliases.Queries.RetrieveAlias;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AliasService.WebApi.Telemetry;

/// <summary>Records the outcome of each public retrieval, as the action left it (<see cref="AliasRetrieval"/>).</summary>
internal sealed class AccessDecisionFilter(AccessDecisionMetrics metrics) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        var retrieval = executed.Exception is null ? context.HttpContext.Features.Get<AliasRetrieval>() : null;
        var (outcome, reason) = retrieval switch
        {
            { Outcome: AliasRetrievalOutcome.Found } => ("allowed", "none"),
            { Outcome: AliasRetrievalOutcome.Refused, Refusal: { } refusal } => ("denied", refusal.Reason),
            { Outcome: AliasRetrievalOutcome.NotFound } => ("not_found", "none"),
            { Outcome: AliasRetrievalOutcome.Expired } => ("expired", "none"),
            _ => ("error", "none"),
        };
        metrics.Record(outcome, reason);
    }
}
