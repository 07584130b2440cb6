using AliasService.Domain.Aliases;
using Microsoft.AspNetCore.Routing.Matching;

namespace AliasService.WebApi.Routing;

/// <summary>
/// <c>{id:alias_id}</c>: matches only a well-formed alias id. Needed where an <c>{id}</c> route sits next to a literal
/// one with another method (<c>GET alias/{id}</c> beside <c>POST alias/create</c>): as a literal-aware policy it keeps
/// <c>GET alias/create</c> off the parameter route, so that request stays a 405 instead of becoming a lookup of the
/// alias "create".
/// </summary>
internal sealed class AliasIdRouteConstraint : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
{
    public const string Name = "alias_id";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Alias.IsWellFormedId(value as string);

    public bool MatchesLiteral(string parameterName, string literal) => Alias.IsWellFormedId(literal);
}
