using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Aliases.Commands.RotateJwtSecret;

/// <summary>
/// <c>POST /organization/api/v1/alias/{id}/jwt_secret/rotate</c>: a new JWT secret (<see cref="JwtSecret"/>, or a
/// generated one), with the current secret still accepted for <see cref="PreviousValidFor"/> seconds.
/// </summary>
public sealed record RotateJwtSecretCommand(string OrganizationId, string Id, string? JwtSecret, long? PreviousValidFor) : IRequest<JwtSecretRotationDto>, IRecordedAliasChange<JwtSecretRotationDto>
{
    public AliasChange Describe(JwtSecretRotationDto response) => new(Id, AccessOutcomes.JwtSecretRotated, ["jwt_secret"]);
}
