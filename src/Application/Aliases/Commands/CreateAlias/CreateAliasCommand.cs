using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using MediatR;

namespace AliasService.Application.Aliases.Commands.CreateAlias;

/// <summary>Creates an alias for the calling organization; answers its owner view.</summary>
public sealed record CreateAliasCommand(
    string OrganizationId,
    string? Type,
    string? Name,
    string? Passcode,
    string? JwtSecret,
    string? StreamKey,
    long? ExpiredAt) : IRequest<AliasDto>, IRecordedAliasChange<AliasDto>
{
    public AliasChange Describe(AliasDto response)
    {
        ArgumentNullException.ThrowIfNull(response);
        bool[] given = [Type is not null, Name is not null, Passcode is not null, JwtSecret is not null, StreamKey is not null, ExpiredAt is not null];
        string[] names = ["type", "name", "passcode", "jwt_secret", "stream_key", "expired_at"];
        return new(response.Id, AccessOutcomes.Created, names.Where((_, i) => given[i]).ToList());
    }
}
