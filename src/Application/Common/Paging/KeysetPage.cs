namespace AliasService.Application.Common.Paging;

/// <summary>Splits the limit+1 rows a keyset query fetched into one page and the position of the next page.</summary>
public static class KeysetPage
{
    public static (IReadOnlyList<T> Page, KeysetCursor? Next) Split<T>(IReadOnlyList<T> rows, int limit, Func<T, KeysetCursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        var page = rows.Take(limit).ToList();
        return (page, rows.Count > limit ? cursorOf(page[^1]) : null);
    }
}
