using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using AliasService.Application.Aliases.Queries.InspectAliasToken;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/{id}/token/inspect</c>.</summary>
public sealed class InspectAliasTokenRequest : RequestBody
{
    /// <summary>The alias token to inspect, exactly as a client would send it after <c>Bearer </c>.</summary>
    [Required]
    [StringLength(InspectAliasTokenQuery.MaxTokenLength, MinimumLength = 1)]
    public string Token { get; init; } = string.Empty;
}
