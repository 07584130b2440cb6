namespace AliasService.WebApi.Contracts;

/// <summary>The list wrapper <c>{"after": cursor|null, "entries": [{"data": {...}}, ...]}</c> (docs/api.md, "Pagination").</summary>
public sealed record ListEnvelope<T>(string? After, IReadOnlyList<DataEnvelope<T>> Entries)
{
    public static ListEnvelope<T> From(string? after, IEnumerable<T> items) =>
        new(after, items.Select(i => new DataEnvelope<T>(i)).ToList());
}
