using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Every controller action the running service routes to, read from its endpoint data (never from the OpenAPI
/// generator and never from a hand-kept list), so a new action is probed and checked as soon as it is mapped and a
/// drift between code and document shows up as a failing test.
/// </summary>
public static class ControllerActions
{
    private static readonly Lazy<IReadOnlyList<ControllerAction>> Mapped = new(Read);

    public static IReadOnlyList<ControllerAction> All() => Mapped.Value;

    private static List<ControllerAction> Read()
    {
        var factory = new AliasServiceFactory();
        try
        {
            return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .SelectMany(ActionsOf)
                .OrderBy(a => a.Path, StringComparer.Ordinal)
                .ThenBy(a => a.Method, StringComparer.Ordinal)];
        }
        finally
        {
            factory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<ControllerAction> ActionsOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            yield break;
        }

        var declared = endpoint.Metadata.OfType<ProducesResponseTypeAttribute>().ToList();
        var statuses = declared.Select(p => p.StatusCode).Distinct().Order().ToList();
        var success = declared.FirstOrDefault(p => p.StatusCode is >= 200 and < 300)?.Type;
        var takesBody = action.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body);
        var query = action.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Query).Select(p => p.BindingInfo!.BinderModelName ?? p.Name).ToList();
        foreach (var verb in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
        {
            yield return new ControllerAction(action.ControllerName + "Controller", action.ActionName, verb, Path(endpoint.RoutePattern), statuses)
            {
                TakesJsonBody = takesBody,
                SuccessType = success,
                QueryParameters = query,
            };
        }
    }

    /// <summary>The route as the OpenAPI document spells it: leading slash, parameters by name, without their constraints.</summary>
    private static string Path(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => throw new NotSupportedException(part.ToString()),
        }))));
}
