using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AliasService.WebApi.Errors;

/// <summary>
/// A query parameter an action binds (<c>passcode</c>, <c>type</c>, <c>limit</c>, <c>after</c> …) given more than once
/// is a 400 that names it: model binding would silently take the first value, so <c>?passcode=a&amp;passcode=b</c>
/// and its reverse would be answered differently.
/// </summary>
internal sealed class SingleValuedQueryFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        var repeated = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query)
            .Select(p => p.BindingInfo!.BinderModelName ?? p.Name)
            .Where(name => query[name].Count > 1)
            .ToList();
        if (repeated.Count == 0)
        {
            return;
        }

        var details = repeated.ToDictionary(name => name, _ => new[] { "must be given at most once" }, StringComparer.Ordinal);
        context.Result = ErrorResponses.Result(StatusCodes.Status400BadRequest, ErrorResponses.InvalidFields(details));
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
