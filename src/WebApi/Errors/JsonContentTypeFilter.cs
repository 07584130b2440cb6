using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.Errors;

/// <summary>
/// An action that reads a JSON body reads <c>application/json</c> only (any charset parameter aside). MVC would also
/// take <c>application/*+json</c> types such as <c>application/merge-patch+json</c>, which mean something else; they
/// are a 415, in the envelope like every body-less error.
/// </summary>
internal sealed class JsonContentTypeFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var body = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body);
        if (body is null)
        {
            return;
        }

        // An optional body may be left out altogether (then there is no content type to check).
        var request = context.HttpContext.Request;
        if (body.BindingInfo!.EmptyBodyBehavior == EmptyBodyBehavior.Allow && request.ContentLength is null or 0 && !request.Headers.ContainsKey(HeaderNames.TransferEncoding))
        {
            return;
        }

        var contentType = context.HttpContext.Request.ContentType;
        if (contentType is null
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
