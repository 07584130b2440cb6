namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>One measurement of the access-decision counter.</summary>
public sealed record AccessDecision(long Value, string? Outcome, string? Reason, IReadOnlyDictionary<string, object?> Tags);
