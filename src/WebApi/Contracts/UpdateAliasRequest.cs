using System.Text.Json;
using System.Text.Json.Serialization;
using AliasService.Domain.Common;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/update/{id}</c>: absent = unchanged, <c>null</c> = cleared.</summary>
public sealed class UpdateAliasRequest : IRejectsUnknownMembers
{
    public Optional<string?> Type { get; init; }

    public Optional<string?> Name { get; init; }

    public Optional<string?> Passcode { get; init; }

    public Optional<string?> JwtSecret { get; init; }

    public Optional<string?> StreamKey { get; init; }

    public Optional<long?> ExpiredAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownMembers { get; init; }
}
