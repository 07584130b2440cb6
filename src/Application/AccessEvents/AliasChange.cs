namespace AliasService.Application.AccessEvents;

/// <summary>What a management command changed: the alias, the outcome, the names (never the values) of the fields it set, and a user it named.</summary>
public sealed record AliasChange(string AliasId, string Outcome, IReadOnlyList<string> Fields, string? UserId = null);
