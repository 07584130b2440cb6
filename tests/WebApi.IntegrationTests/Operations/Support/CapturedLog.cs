using Microsoft.Extensions.Logging;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// One log entry as every logging provider would have received it: the formatted message, the structured
/// state, the scopes around it (including the request id and trace id scopes) and the exception text.
/// </summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, string?>> State,
    IReadOnlyList<KeyValuePair<string, string?>> Scopes,
    IReadOnlyList<string> ScopeTexts,
    string? Exception)
{
    /// <summary>The value of a structured state member, or null.</summary>
    public string? StateValue(string key) => State.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>The value of a scope member (the innermost when several scopes name it), or null.</summary>
    public string? ScopeValue(string key) => Scopes.LastOrDefault(p => p.Key == key).Value;

    /// <summary>Everything this entry would put on a log line, as text, to search for things that must not be there.</summary>
    public IEnumerable<string> AllTexts()
    {
        yield return Category;
        yield return Message;
        foreach (var (key, value) in State.Concat(Scopes))
        {
            yield return key;
            yield return value ?? string.Empty;
        }

        foreach (var text in ScopeTexts)
        {
            yield return text;
        }

        yield return Exception ?? string.Empty;
    }

    public override string ToString() => $"[{Level} {Category} #{EventId.Id}] {Message}";
}
