namespace AliasService.Application.Common.Paging;

/// <summary>The page size of every keyset listing (<c>?limit=</c>), one rule for all of them.</summary>
public static class PageLimits
{
    public const int Default = 25;
    public const int Max = 100;
}
