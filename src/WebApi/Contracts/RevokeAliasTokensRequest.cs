using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using AliasService.Domain.Common;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/{id}/tokens/revoke</c>: <c>{}</c> for every user, or one <c>user_id</c>.</summary>
public sealed class RevokeAliasTokensRequest : RequestBody
{
    /// <summary>Revoke only this user's tokens (the <c>user_id</c> claim, compared exactly); absent: every token of the alias.</summary>
    [StringLength(TextLimits.TokenUserIdMax, MinimumLength = 1)]
    public string? UserId { get; init; }
}
