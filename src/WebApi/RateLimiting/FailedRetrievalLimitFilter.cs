using System.Globalization;
using AliasService.Application.Aliases.Queries.RetrieveAlias;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Models;
using AliasService.Domain.AccessEvents;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.RateLimiting;

/// <summary>
/// The failed-attempt limit on public retrieval: reserves a permit before the credential is looked at (429 with
/// <c>Retry-After</c> when the budget is used up, even for the right passcode, so the limit never tells whether a
/// guess would have been right), keeps it when the answer is a credential failure (401) and gives it back otherwise.
/// A 429 is recorded as a <c>limited</c> access event (its organization is looked up by the background writer).
/// </summary>
internal sealed class FailedRetrievalLimitFilter(IFailedAttemptLimiter limiter, IAccessEventSink events, IRequestCaller caller, TimeProvider clock) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var attempt = new FailedAttempt(
            ClientPartition.Of(http.Connection.RemoteIpAddress),
            context.RouteData.Values["id"] as string ?? string.Empty,
            IsPasscodeGuess: http.Request.Headers.Authorization.Count == 0 && http.Request.Query.ContainsKey("passcode"));
        var reservation = await limiter.ReserveAsync(attempt, http.RequestAborted);
        if (!reservation.IsGranted)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(reservation.RetryAfter.TotalSeconds));
            http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
            context.Result = ErrorResponses.Result(StatusCodes.Status429TooManyRequests, new ErrorBody("Too many failed attempts for this alias; retry later."));
            events.Record(AccessEvent.Retrieval(
                attempt.AliasId, organizationId: null, clock.GetUtcNow().ToUnixTimeSeconds(), AccessOutcomes.Limited, reason: null,
                http.Request.Headers.Authorization.Count > 0 ? CredentialKinds.UnreadToken : attempt.IsPasscodeGuess ? CredentialKinds.Passcode : CredentialKinds.None,
                userId: null, caller.ClientAddress));
            return;
        }

        var credentialFailed = false;
        try
        {
            var executed = await next();
            credentialFailed = executed.Exception is null && http.Features.Get<AliasRetrieval>() is { Outcome: AliasRetrievalOutcome.Refused };
        }
        finally
        {
            if (!credentialFailed)
            {
                // Not a wrong credential (found, not found, expired, or the request failed before the check).
                await limiter.ReleaseAsync(reservation, CancellationToken.None);
            }
        }
    }
}
