using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Every controller action of the WebApi assembly, read by reflection from the attributes alone (never from
/// the OpenAPI generator), so a drift between code and document shows up as a failing test.
/// </summary>
public static class ControllerActions
{
    public static IReadOnlyList<ControllerAction> All() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(ActionsOf)
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .ThenBy(a => a.Method, StringComparer.Ordinal)];

    private static IEnumerable<ControllerAction> ActionsOf(Type controller)
    {
        var prefix = controller.GetCustomAttribute<RouteAttribute>()?.Template ?? string.Empty;
        var controllerStatuses = controller.GetCustomAttributes<ProducesResponseTypeAttribute>(inherit: true).Select(p => p.StatusCode);
        foreach (var method in controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var statuses = method.GetCustomAttributes<ProducesResponseTypeAttribute>(inherit: true).Select(p => p.StatusCode)
                .Concat(controllerStatuses)
                .Distinct()
                .Order()
                .ToList();
            foreach (var http in method.GetCustomAttributes<HttpMethodAttribute>(inherit: true)
                .Where(a => a is HttpGetAttribute or HttpPostAttribute or HttpDeleteAttribute))
            {
                foreach (var verb in http.HttpMethods)
                {
                    yield return new ControllerAction(controller.Name, method.Name, verb, "/" + Combine(prefix, http.Template), statuses);
                }
            }
        }
    }

    /// <summary>The route as the OpenAPI document spells it: parameters by name, without their constraints.</summary>
    private static string Combine(string prefix, string? template)
    {
        var combined = string.IsNullOrEmpty(template) ? prefix.Trim('/') : prefix.Trim('/') + "/" + template.Trim('/');
        return string.Join('/', RoutePatternFactory.Parse(combined).PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => throw new NotSupportedException(part.ToString()),
        }))));
    }
}
