using AliasService.Domain.Aliases;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AliasService.WebApi.Routing;

/// <summary>
/// Answers a route's <c>{id}</c> that cannot be a server-generated id of its kind exactly like a missing one (404),
/// before any other filter runs: no limiter partition, no cache entry, no database query for hostile input.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class WellFormedIdAttribute(IdKind kind) : Attribute, IResourceFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var id = context.RouteData.Values["id"] as string;
        switch (kind)
        {
            case IdKind.Alias when !Alias.IsWellFormedId(id):
                throw new AliasNotFoundException(string.Empty);
            case IdKind.ApiKey when !ApiKey.IsWellFormedId(id):
                throw new ApiKeyNotFoundException(string.Empty);
            case IdKind.JwtKey when !JwtKey.IsWellFormedId(id):
                throw new JwtKeyNotFoundException(string.Empty);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
