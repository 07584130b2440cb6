namespace AliasService.Application.Common.Models;

/// <summary>A freshly minted JWT and its expiry in Unix seconds.</summary>
public sealed record IssuedToken(string Token, long ExpiresAt);
