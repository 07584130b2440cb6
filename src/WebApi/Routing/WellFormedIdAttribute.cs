using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AliasService.WebApi.Routing;

/// <summary>
/// Answers a route's <c>{id}</c> that cannot be a server-generated id of its kind exactly like a missing one (404),
/// before any other filter runs: no limiter partition, no cache entry, no database query for hostile input, and no
/// exception either (a result, as cheap as any other refusal).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class WellFormedIdAttribute(IdKind kind) : Attribute, IResourceFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var id = context.RouteData.Values["id"] as string;
        NotFoundException? missing = kind switch
        {
            IdKind.Alias when !Alias.IsWellFormedId(id) => new AliasNotFoundException(string.Empty),
            IdKind.ApiKey when !ApiKey.IsWellFormedId(id) => new ApiKeyNotFoundException(string.Empty),
            IdKind.JwtKey when !JwtKey.IsWellFormedId(id) => new JwtKeyNotFoundException(string.Empty),
            _ => null,
        };
        if (missing is not null)
        {
            // The same answer the exception handler gives a NotFoundException, without the throw.
            context.Result = ErrorResponses.Result(StatusCodes.Status404NotFound, new ErrorBody(missing.Message));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
