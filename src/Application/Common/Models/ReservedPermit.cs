namespace AliasService.Application.Common.Models;

/// <summary>
/// One permit taken from one budget: the limiter's key for the budget and the start of the window it was taken
/// from, so a permit given back after its window ended changes nothing in the next one.
/// </summary>
public sealed record ReservedPermit(string Key, DateTimeOffset WindowStart);
