namespace AliasService.Application.Aliases.Commands.MintAliasToken;

/// <summary>A minted alias token and its expiry (Unix seconds).</summary>
public sealed record AliasTokenDto(string Token, long ExpiresAt);
