namespace AliasService.Application.AccessEvents;

/// <summary>One page of an alias's access events and the cursor of the next page (null on the last).</summary>
public sealed record AccessEventListDto(string? After, IReadOnlyList<AccessEventDto> Entries);
