using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Aliases.Commands.RotateStreamKey;

/// <summary><c>POST /organization/api/v1/alias/{id}/stream_key/rotate</c>: a new random stream key; the old one stops at once.</summary>
public sealed record RotateStreamKeyCommand(string OrganizationId, string Id) : IRequest<StreamKeyRotationDto>, IRecordedAliasChange<StreamKeyRotationDto>
{
    public AliasChange Describe(StreamKeyRotationDto response) => new(Id, AccessOutcomes.StreamKeyRotated, ["stream_key"]);
}
