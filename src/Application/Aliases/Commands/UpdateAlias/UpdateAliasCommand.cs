using AliasService.Domain.Common;
using MediatR;

namespace AliasService.Application.Aliases.Commands.UpdateAlias;

/// <summary>A partial update: an absent field is unchanged, a field present as null is cleared.</summary>
public sealed record UpdateAliasCommand(string OrganizationId, string Id) : IRequest<AliasDto>
{
    public Optional<string?> Type { get; init; }

    public Optional<string?> Name { get; init; }

    public Optional<string?> Passcode { get; init; }

    public Optional<string?> JwtSecret { get; init; }

    public Optional<string?> StreamKey { get; init; }

    public Optional<long?> ExpiredAt { get; init; }
}
