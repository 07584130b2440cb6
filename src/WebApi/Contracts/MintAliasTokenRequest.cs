using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/{id}/token</c>; every member optional.</summary>
public sealed class MintAliasTokenRequest : IRejectsUnknownMembers
{
    /// <example>user456xxyz</example>
    public string? UserId { get; init; }

    /// <example>true</example>
    public bool? Host { get; init; }

    /// <summary>Seconds from issuance; default 3600, at most 604800 (7 days).</summary>
    /// <example>3600</example>
    public long? ExpiresIn { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownMembers { get; init; }
}
