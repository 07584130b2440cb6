namespace AliasService.Application.Common.Models;

/// <summary>
/// An attempt to retrieve an alias with a credential that might be wrong: from which client (its address partition,
/// e.g. an IPv6 /64), on which alias, and whether it guesses a passcode (only those count against the alias's
/// budget across all clients, so valid alias and owner tokens keep working when passcode guessing has locked it).
/// </summary>
public sealed record FailedAttempt(string Client, string AliasId, bool IsPasscodeGuess);
