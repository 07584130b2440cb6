namespace AliasService.Application.JwtKeys;

/// <summary>One page of JWT keys, newest first, and the next page's cursor (null on the last page).</summary>
public sealed record JwtKeyListDto(string? After, IReadOnlyList<JwtKeyDto> Entries);
