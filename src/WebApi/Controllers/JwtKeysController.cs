using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AliasService.Application.Common.Paging;
using AliasService.Application.JwtKeys;
using AliasService.Application.JwtKeys.Commands.CreateJwtKey;
using AliasService.Application.JwtKeys.Commands.DeleteJwtKey;
using AliasService.Application.JwtKeys.Queries.GetJwtKey;
using AliasService.Application.JwtKeys.Queries.ListJwtKeys;
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

/// <summary>Public keys the organization signs alias tokens with: list, read, register, delete.</summary>
[ApiController]
[Authorize]
[EnableRateLimiting(RateLimitingConfiguration.OrganizationPolicy)]
[Route("organization/api/v1/jwt_keys")]
[Produces("application/json")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
public sealed class JwtKeysController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists the organization's JWT keys, newest first, one keyset page at a time.</summary>
    [HttpGet]
    [ProducesResponseType<ListEnvelope<JwtKeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    public async Task<ListEnvelope<JwtKeyDto>> ListJwtKeys(
        [FromQuery][Description("The `after` cursor of the previous page, exactly as it was returned.")] string? after,
        [FromQuery][Range(1, PageLimits.Max)][DefaultValue(PageLimits.Default)][Description("Entries per page.")] int? limit,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListJwtKeysQuery(User.GetOrganizationId(), after, limit), cancellationToken);
        return ListEnvelope<JwtKeyDto>.From(page.After, page.Entries);
    }

    /// <summary>One JWT key.</summary>
    [HttpGet("{id}")]
    [WellFormedId(IdKind.JwtKey)]
    [ProducesResponseType<DataEnvelope<JwtKeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<DataEnvelope<JwtKeyDto>> GetJwtKey(string id, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetJwtKeyQuery(User.GetOrganizationId(), id), cancellationToken));

    /// <summary>Registers a public key; a private key, certificate or unsupported key is refused with the reason.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ServiceFilter<IdempotencyFilter>]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<DataEnvelope<JwtKeyDto>>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> CreateJwtKey([FromBody] CreateJwtKeyRequest body, CancellationToken cancellationToken)
    {
        var key = await mediator.Send(new CreateJwtKeyCommand(User.GetOrganizationId(), body.Name, body.PublicKey), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new DataEnvelope<JwtKeyDto>(key));
    }

    /// <summary>Deletes a JWT key; tokens signed with it fail from the next request on.</summary>
    [HttpDelete("{id}")]
    [WellFormedId(IdKind.JwtKey)]
    [ProducesResponseType<MessageResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<MessageResponse> DeleteJwtKey(string id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteJwtKeyCommand(User.GetOrganizationId(), id), cancellationToken);
        return new MessageResponse("JWT key deleted successfully.");
    }
}
