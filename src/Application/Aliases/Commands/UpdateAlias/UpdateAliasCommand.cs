using AliasService.Application.AccessEvents;
using AliasService.Domain.AccessEvents;
using AliasService.Domain.Common;
using MediatR;

namespace AliasService.Application.Aliases.Commands.UpdateAlias;

/// <summary>
/// A partial update: an absent field is unchanged, a field present as null is cleared. With
/// <see cref="ExpectedVersions"/> it is conditional: applied only while the alias has one of those versions.
/// </summary>
public sealed record UpdateAliasCommand(string OrganizationId, string Id) : IRequest<AliasDto>, IRecordedAliasChange<AliasDto>
{
    public AliasChange Describe(AliasDto response)
    {
        bool[] given = [Type.HasValue, Name.HasValue, Passcode.HasValue, JwtSecret.HasValue, StreamKey.HasValue, ExpiredAt.HasValue];
        string[] names = ["type", "name", "passcode", "jwt_secret", "stream_key", "expired_at"];
        return new(Id, AccessOutcomes.Updated, names.Where((_, i) => given[i]).ToList());
    }

    public Optional<string> Type { get; init; }

    public Optional<string?> Name { get; init; }

    public Optional<string?> Passcode { get; init; }

    public Optional<string?> JwtSecret { get; init; }

    public Optional<string?> StreamKey { get; init; }

    public Optional<long> ExpiredAt { get; init; }

    /// <summary>Null: apply to whatever the alias is now. Otherwise the versions the caller accepts (possibly none).</summary>
    public IReadOnlyCollection<Guid>? ExpectedVersions { get; init; }
}
