using System.ComponentModel;
using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Queries.RetrieveAlias;
using AliasService.Domain.Aliases;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Errors;
using AliasService.WebApi.RateLimiting;
using AliasService.WebApi.Routing;
using AliasService.WebApi.Telemetry;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AliasService.WebApi.Controllers;

/// <summary>Public retrieval of one alias (docs/access-rules.md): by its owner, with an alias token, with a passcode, or openly.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/alias")]
[Produces("application/json")]
public sealed class PublicAliasesController(IMediator mediator) : ControllerBase
{
    /// <summary>Retrieves an alias in the view the caller's credential allows.</summary>
    [HttpGet("{id}")]
    [WellFormedId(IdKind.Alias)]
    [ServiceFilter<FailedRetrievalLimitFilter>]
    [ServiceFilter<AccessDecisionFilter>]
    [DisableRateLimiting]
    [ProducesResponseType<DataEnvelope<AliasDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status410Gone)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<DataEnvelope<AliasDto>>> RetrieveAlias(string id, [FromQuery][Description("The alias's passcode, for a protected alias without a token.")] string? passcode, CancellationToken cancellationToken)
    {
        var retrieval = await RetrieveAsync(id, passcode, cancellationToken);

        // Every outcome is a result, none an exception (docs/decisions/0018-credential-refusal.md); the filters read it here.
        HttpContext.Features.Set(retrieval);
        return retrieval.Outcome switch
        {
            AliasRetrievalOutcome.Found => new DataEnvelope<AliasDto>(retrieval.Alias!),
            AliasRetrievalOutcome.NotFound => ErrorResponses.Result(StatusCodes.Status404NotFound, new ErrorBody(AliasNotFoundException.DefaultMessage)),
            AliasRetrievalOutcome.Expired => ErrorResponses.Result(StatusCodes.Status410Gone, new ErrorBody(AliasExpiredException.DefaultMessage)),
            _ => ErrorResponses.Refused(retrieval.Refusal!),
        };
    }

    private async Task<AliasRetrieval> RetrieveAsync(string id, string? passcode, CancellationToken cancellationToken)
    {
        var organization = await HttpContext.AuthenticateAsync(OrganizationTokenAuthentication.Scheme);
        string? bearer = null;
        if (Request.Headers.Authorization.Count > 0 && !BearerToken.TryRead(Request.Headers.Authorization, out bearer, out var refusal))
        {
            return AliasRetrieval.Refused(refusal);
        }

        var credential = new AliasCredential(organization.Succeeded ? organization.Principal.GetOrganizationId() : null, bearer, passcode);
        return await mediator.Send(new RetrieveAliasQuery(id, credential), cancellationToken);
    }
}
