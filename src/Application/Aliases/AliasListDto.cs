namespace AliasService.Application.Aliases;

/// <summary>One page of aliases, newest first, and the cursor of the next page (null on the last page).</summary>
public sealed record AliasListDto(string? After, IReadOnlyList<AliasDto> Entries);
