using System.Text.Json.Serialization;

namespace AliasService.WebApi.Errors;

/// <summary>The error body of every failure (docs/api.md, "Errors"): <c>{"error": {"message": "...", ...}}</c>.</summary>
public sealed record ErrorEnvelope(ErrorBody Error);

/// <summary>What went wrong; <c>details</c> (per field) and <c>reason</c> (on 401) only when they apply.</summary>
public sealed record ErrorBody(
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Details = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
