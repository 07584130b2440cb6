using AliasService.WebApi.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AliasService.WebApi.Errors;

/// <summary>Refuses a body with members the endpoint does not define, naming every one of them.</summary>
internal sealed class UnknownMembersFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var unknown = context.ActionArguments.Values
            .OfType<RequestBody>()
            .SelectMany(body => body.UnknownMembers?.Keys ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var details = unknown.ToDictionary(name => name, _ => new[] { "is not a known field" }, StringComparer.Ordinal);
        var message = $"Unknown field(s) in the request body: {string.Join(", ", unknown)}";
        context.Result = ErrorResponses.Result(StatusCodes.Status400BadRequest, new ErrorBody(message, details));
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
