using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/create</c>.</summary>
public sealed class CreateAliasRequest : IRejectsUnknownMembers
{
    /// <example>conference</example>
    public string? Type { get; init; }

    /// <example>Team Sync Alias</example>
    public string? Name { get; init; }

    public string? Passcode { get; init; }

    public string? JwtSecret { get; init; }

    public string? StreamKey { get; init; }

    /// <example>1737456308</example>
    public long? ExpiredAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownMembers { get; init; }
}
