namespace AliasService.Infrastructure.Caching;

/// <summary>
/// What a committed change makes stale: one row of an entity (<see cref="Id"/> set) or every cached row of it
/// (<see cref="Id"/> null). The wire form of cross-instance invalidation, so its names are stable.
/// </summary>
public readonly record struct CacheKey(string Entity, string? Id)
{
    public const string AliasEntity = "alias";
    public const string ApiKeyEntity = "api_key";
    public const string JwtKeyEntity = "jwt_key";
    public const string OrganizationEntity = "organization";

    public static CacheKey Alias(string id) => new(AliasEntity, id);

    public static CacheKey ApiKey(string id) => new(ApiKeyEntity, id);

    public static CacheKey JwtKey(string id) => new(JwtKeyEntity, id);

    public static CacheKey Organization(string id) => new(OrganizationEntity, id);
}
