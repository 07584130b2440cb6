using AliasService.Application.ApiKeys;
using AliasService.Application.ApiKeys.Commands.CreateApiKey;
using AliasService.Application.ApiKeys.Commands.RevokeApiKey;
using AliasService.Application.ApiKeys.Queries.ListApiKeys;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Errors;
using AliasService.WebApi.Idempotency;
using AliasService.WebApi.RateLimiting;
using AliasService.WebApi.Routing;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AliasService.WebApi.Controllers;

/// <summary>API keys for organization tokens: list, create (secret shown once), revoke; rotation without downtime.</summary>
[ApiController]
[Authorize]
[EnableRateLimiting(RateLimitingConfiguration.OrganizationPolicy)]
[Route("organization/api/v1/api_keys")]
[Produces("application/json")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
public sealed class ApiKeysController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists the organization's API keys (never their secrets), newest first.</summary>
    [HttpGet]
    [ProducesResponseType<ListEnvelope<ApiKeyDto>>(StatusCodes.Status200OK)]
    public async Task<ListEnvelope<ApiKeyDto>> ListApiKeys(CancellationToken cancellationToken) =>
        ListEnvelope<ApiKeyDto>.From(null, await mediator.Send(new ListApiKeysQuery(User.GetOrganizationId()), cancellationToken));

    /// <summary>Creates an API key; its secret is in this response only.</summary>
    [HttpPost]
    [ProducesResponseType<DataEnvelope<CreatedApiKeyDto>>(StatusCodes.Status201Created)]
    [ServiceFilter<IdempotencyFilter>]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> CreateApiKey(CancellationToken cancellationToken)
    {
        var key = await mediator.Send(new CreateApiKeyCommand(User.GetOrganizationId()), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new DataEnvelope<CreatedApiKeyDto>(key));
    }

    /// <summary>Revokes an API key; the last active key cannot be revoked (400).</summary>
    [HttpDelete("{id}")]
    [WellFormedId(IdKind.ApiKey)]
    [ProducesResponseType<DataEnvelope<ApiKeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<DataEnvelope<ApiKeyDto>> RevokeApiKey(string id, CancellationToken cancellationToken) =>
        new(await mediator.Send(new RevokeApiKeyCommand(User.GetOrganizationId(), id), cancellationToken));
}
