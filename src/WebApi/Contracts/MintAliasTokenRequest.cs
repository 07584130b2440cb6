using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AliasService.Application.Aliases.Commands.MintAliasToken;
using AliasService.Domain.Common;

namespace AliasService.WebApi.Contracts;

/// <summary>Body of <c>POST /organization/api/v1/alias/{id}/token</c>; every member optional.</summary>
public sealed class MintAliasTokenRequest : RequestBody
{
    /// <summary>The end user the token is for (the <c>user_id</c> claim), 1 to 256 characters.</summary>
    [StringLength(TextLimits.TokenUserIdMax, MinimumLength = 1)]
    public string? UserId { get; init; }

    /// <summary>True gives the token's holder the host view (the stream key).</summary>
    [DefaultValue(false)]
    public bool? Host { get; init; }

    /// <summary>Seconds from issuance, at most 604800 (7 days).</summary>
    [Range(1, MintAliasTokenCommand.MaxExpiresIn)]
    [DefaultValue(MintAliasTokenCommand.DefaultExpiresIn)]
    public long? ExpiresIn { get; init; }
}
