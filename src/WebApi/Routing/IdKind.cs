namespace AliasService.WebApi.Routing;

/// <summary>Which server-generated id a route's <c>{id}</c> holds.</summary>
internal enum IdKind
{
    Alias,
    ApiKey,
    JwtKey,
}
