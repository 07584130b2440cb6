namespace AliasService.Domain.Aliases;

/// <summary>The kind of room an alias names.</summary>
public enum AliasType
{
    Conference = 1,
    Live = 2,
}
