using System.ComponentModel;
using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Queries.RetrieveAlias;
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
    public async Task<DataEnvelope<AliasDto>> RetrieveAlias(string id, [FromQuery][Description("The alias's passcode, for a protected alias without a token.")] string? passcode, CancellationToken cancellationToken)
    {
        var organization = await HttpContext.AuthenticateAsync(OrganizationTokenAuthentication.Scheme);
        var bearer = Request.Headers.Authorization.Count > 0 ? BearerToken.From(Request.Headers.Authorization) : null;
        var credential = new AliasCredential(organization.Succeeded ? organization.Principal.GetOrganizationId() : null, bearer, passcode);
        var alias = await mediator.Send(new RetrieveAliasQuery(id, credential), cancellationToken);
        return new DataEnvelope<AliasDto>(alias);
    }
}
