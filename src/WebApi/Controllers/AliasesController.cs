using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AliasService.Application.AccessEvents;
using AliasService.Application.AccessEvents.Queries.ListAccessEvents;
using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.CreateAlias;
using AliasService.Application.Aliases.Commands.DeleteAlias;
using AliasService.Application.Aliases.Commands.MintAliasToken;
using AliasService.Application.Aliases.Commands.RevokeAliasTokens;
using AliasService.Application.Aliases.Commands.RotateJwtSecret;
using AliasService.Application.Aliases.Commands.RotateStreamKey;
using AliasService.Application.Aliases.Commands.UpdateAlias;
using AliasService.Application.Aliases.Queries.GetAlias;
using AliasService.Application.Aliases.Queries.InspectAliasToken;
using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Paging;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Concurrency;
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

/// <summary>An organization's aliases: create, list, read, update, delete, alias tokens signed with an alias's secret, and access events.</summary>
[ApiController]
[Authorize]
[EnableRateLimiting(RateLimitingConfiguration.OrganizationPolicy)]
[Route("organization/api/v1")]
[Produces("application/json")]
public sealed class AliasesController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists the organization's aliases, newest first, one keyset page at a time.</summary>
    [HttpGet("aliases")]
    [ProducesResponseType<ListEnvelope<AliasDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    public async Task<ListEnvelope<AliasDto>> ListAliases(
        [FromQuery][AliasTypeValues][Description("Only aliases of this type.")] string? type,
        [FromQuery][Description("The `after` cursor of the previous page, exactly as it was returned.")] string? after,
        [FromQuery][Range(1, PageLimits.Max)][DefaultValue(PageLimits.Default)][Description("Entries per page.")] int? limit,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListAliasesQuery(User.GetOrganizationId(), type, after, limit), cancellationToken);
        return ListEnvelope<AliasDto>.From(page.After, page.Entries);
    }

    /// <summary>One of the organization's aliases, in the owner view (secrets included, expired or not).</summary>
    [HttpGet("alias/{id:" + AliasIdRouteConstraint.Name + "}")]
    [ProducesResponseType<DataEnvelope<AliasDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<DataEnvelope<AliasDto>> GetAlias(string id, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetAliasQuery(User.GetOrganizationId(), id), cancellationToken));

    /// <summary>Creates an alias; answers its owner view.</summary>
    [HttpPost("alias/create")]
    [Consumes("application/json")]
    [ServiceFilter<IdempotencyFilter>]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<DataEnvelope<AliasDto>>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> CreateAlias([FromBody] CreateAliasRequest body, CancellationToken cancellationToken)
    {
        var alias = await mediator.Send(
            new CreateAliasCommand(User.GetOrganizationId(), body.Type, body.Name, body.Passcode, body.JwtSecret, body.StreamKey, body.ExpiredAt),
            cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new DataEnvelope<AliasDto>(alias));
    }

    /// <summary>
    /// Partially updates an alias: absent fields are unchanged, fields sent as null are cleared. With If-Match (an ETag
    /// of this alias), only while the alias still has that version.
    /// </summary>
    [HttpPost("alias/update/{id}")]
    [WellFormedId(IdKind.Alias)]
    [Consumes("application/json")]
    [ProducesResponseType<DataEnvelope<AliasDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<DataEnvelope<AliasDto>> UpdateAlias(
        string id,
        [FromBody] UpdateAliasRequest body,
        [FromHeader(Name = "If-Match")][Description("An ETag of this alias (or several, or `*`): update only while the alias has that version, else 412.")] string? ifMatch,
        CancellationToken cancellationToken)
    {
        var alias = await mediator.Send(
            new UpdateAliasCommand(User.GetOrganizationId(), id)
            {
                Type = body.Type,
                Name = body.Name,
                Passcode = body.Passcode,
                JwtSecret = body.JwtSecret,
                StreamKey = body.StreamKey,
                ExpiredAt = body.ExpiredAt,
                ExpectedVersions = EntityTags.ParseIfMatch(ifMatch),
            },
            cancellationToken);
        return new DataEnvelope<AliasDto>(alias);
    }

    /// <summary>Deletes an alias.</summary>
    [HttpDelete("alias/delete/{id}")]
    [WellFormedId(IdKind.Alias)]
    [ProducesResponseType<MessageResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<MessageResponse> DeleteAlias(string id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteAliasCommand(User.GetOrganizationId(), id), cancellationToken);
        return new MessageResponse("Alias deleted successfully.");
    }

    /// <summary>Mints an alias token signed with the alias's jwt_secret (400 when it has none).</summary>
    [HttpPost("alias/{id}/token")]
    [WellFormedId(IdKind.Alias)]
    [Consumes("application/json")]
    [ProducesResponseType<DataEnvelope<AliasTokenDto>>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> MintAliasToken(string id, [FromBody] MintAliasTokenRequest body, CancellationToken cancellationToken)
    {
        var token = await mediator.Send(new MintAliasTokenCommand(User.GetOrganizationId(), id, body.UserId, body.Host, body.ExpiresIn), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new DataEnvelope<AliasTokenDto>(token));
    }

    /// <summary>
    /// Revokes the alias's tokens issued up to this second (by <c>iat</c>), every user's or one <c>user_id</c>'s: they get
    /// 401 <c>token_revoked</c> from the next request on. Tokens without <c>iat</c> are revoked too; mint new ones a
    /// second later.
    /// </summary>
    [HttpPost("alias/{id}/tokens/revoke")]
    [WellFormedId(IdKind.Alias)]
    [Consumes("application/json")]
    [ProducesResponseType<DataEnvelope<TokenRevocationDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<DataEnvelope<TokenRevocationDto>> RevokeAliasTokens(string id, [FromBody] RevokeAliasTokensRequest body, CancellationToken cancellationToken) =>
        new(await mediator.Send(new RevokeAliasTokensCommand(User.GetOrganizationId(), id, body.UserId), cancellationToken));

    /// <summary>
    /// Rotates the alias's JWT secret without downtime: the new secret (given, or generated) is in this answer, and the
    /// previous one keeps verifying tokens for <c>previous_valid_for</c> seconds. The alias object is unchanged in shape.
    /// </summary>
    [HttpPost("alias/{id}/jwt_secret/rotate")]
    [WellFormedId(IdKind.Alias)]
    [Consumes("application/json")]
    [ProducesResponseType<DataEnvelope<JwtSecretRotationDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<DataEnvelope<JwtSecretRotationDto>> RotateJwtSecret(string id, [FromBody] RotateJwtSecretRequest body, CancellationToken cancellationToken) =>
        new(await mediator.Send(new RotateJwtSecretCommand(User.GetOrganizationId(), id, body.JwtSecret, body.PreviousValidFor), cancellationToken));

    /// <summary>Replaces the alias's stream key by a new random one, answered here; the old one stops at once.</summary>
    [HttpPost("alias/{id}/stream_key/rotate")]
    [WellFormedId(IdKind.Alias)]
    [ProducesResponseType<DataEnvelope<StreamKeyRotationDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<DataEnvelope<StreamKeyRotationDto>> RotateStreamKey(string id, CancellationToken cancellationToken) =>
        new(await mediator.Send(new RotateStreamKeyCommand(User.GetOrganizationId(), id), cancellationToken));

    /// <summary>
    /// Explains why public retrieval would accept or refuse an alias token, with the same verifier: the precise reason
    /// (also those the public answer hides), the key, the decoded header and claims, the times and any revocation.
    /// Never a secret or the signature; not counted as a failed attempt.
    /// </summary>
    [HttpPost("alias/{id}/token/inspect")]
    [WellFormedId(IdKind.Alias)]
    [Consumes("application/json")]
    [ProducesResponseType<DataEnvelope<TokenInspectionDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<DataEnvelope<TokenInspectionDto>> InspectAliasToken(string id, [FromBody] InspectAliasTokenRequest body, CancellationToken cancellationToken) =>
        new(await mediator.Send(new InspectAliasTokenQuery(User.GetOrganizationId(), id, body.Token), cancellationToken));

    /// <summary>
    /// The alias's access events, newest first, one keyset page at a time: every public retrieval decision and every
    /// management change. Never a passcode, token or secret. Events are stored within about a second.
    /// </summary>
    [HttpGet("alias/{id}/events")]
    [WellFormedId(IdKind.Alias)]
    [ProducesResponseType<ListEnvelope<AccessEventDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<ListEnvelope<AccessEventDto>> ListAccessEvents(
        string id,
        [FromQuery][Description("Only events with this outcome (granted, refused, expired, limited, created, updated, deleted, jwt_secret_rotated, stream_key_rotated, tokens_revoked, token_minted).")] string? outcome,
        [FromQuery][Description("The `after` cursor of the previous page, exactly as it was returned.")] string? after,
        [FromQuery][Range(1, PageLimits.Max)][DefaultValue(PageLimits.Default)][Description("Entries per page.")] int? limit,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListAccessEventsQuery(User.GetOrganizationId(), id, outcome, after, limit), cancellationToken);
        return ListEnvelope<AccessEventDto>.From(page.After, page.Entries);
    }
}
