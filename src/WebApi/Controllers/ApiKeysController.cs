using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AliasService.Application.ApiKeys;
using AliasService.Application.ApiKeys.Commands.CreateApiKey;
using AliasService.Application.ApiKeys.Commands.RevokeApiKey;
using AliasService.Application.ApiKeys.Queries.ListApiKeys;
using AliasService.Domain.Organizations;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Errors;
using AliasService.WebApi.Idempotency;
using AliasService.WebApi.RateLimiting;
using AliasService.WebApi.Routing;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>Creates an API key, expiring after <c>expires_in</c> seconds when given; its secret is in this response only.</summary>
    [HttpPost]
    [ProducesResponseType<DataEnvelope<CreatedApiKeyDto>>(StatusCodes.Status201Created)]
    [ServiceFilter<IdempotencyFilter>]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> CreateApiKey(
        // Declared non-nullable so the document shows the object (not "null or object"); without a body MVC passes null.
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CreateApiKeyRequest body,
        CancellationToken cancellationToken)
    {
        CreateApiKeyRequest? given = body;
        var expiresIn = given?.ExpiresIn;
        var key = await mediator.Send(new CreateApiKeyCommand(User.GetOrganizationId(), expiresIn), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new DataEnvelope<CreatedApiKeyDto>(key));
    }

    /// <summary>
    /// Revokes an API key now, or <c>after</c> seconds from now (a scheduled revocation); the organization's last key
    /// that neither expires nor is scheduled for revocation cannot be revoked (400).
    /// </summary>
    [HttpDelete("{id}")]
    [WellFormedId(IdKind.ApiKey)]
    [ProducesResponseType<DataEnvelope<ApiKeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<DataEnvelope<ApiKeyDto>> RevokeApiKey(
        string id,
        [FromQuery][Range(0, Organization.MaxKeySeconds)][Description("Revoke the key this many seconds from now instead of at once (a scheduled revocation).")] long? after,
        CancellationToken cancellationToken) =>
        new(await mediator.Send(new RevokeApiKeyCommand(User.GetOrganizationId(), id, after), cancellationToken));
}
