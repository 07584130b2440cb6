using AliasService.Application.Common.Models;
using AliasService.WebApi.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.Concurrency;

/// <summary>
/// Sends the <c>ETag</c> of every <c>{"data": …}</c> answer whose object carries a version (<see cref="IVersionedDto"/>:
/// owner views of an alias on create, update and retrieval), so a client can make its next update conditional.
/// </summary>
internal sealed class EntityTagFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: IDataEnvelope { Data: IVersionedDto { Version: { } version } } })
        {
            context.HttpContext.Response.Headers[HeaderNames.ETag] = EntityTags.Format(version);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
