using AliasService.Application.Common.Exceptions;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Infrastructure.Idempotency;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Redis;
using Microsoft.AspNetCore.Diagnostics;

namespace AliasService.WebApi.Errors;

/// <summary>
/// The one exception-to-HTTP mapping. Expected failures become 4xx envelopes (a refused credential is no exception: it
/// is returned as a <c>CredentialRefusal</c> and written by <see cref="ErrorResponses.WriteRefusalAsync"/>), an unavailable database or Redis a 503 (with
/// Retry-After); anything else is logged with its stack trace and answered with a bare 500 envelope, never with internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public const string DatabaseUnavailable = "The service is temporarily unavailable; retry later.";

    private const string Unexpected = "An unexpected error occurred.";

    // The database's retries and timeouts already spent a few seconds; a client waiting this long finds it back soonest.
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var (status, body) = exception switch
        {
            DomainValidationException e => (StatusCodes.Status400BadRequest, ErrorResponses.InvalidFields(e.Errors)),
            DomainRuleException e => (StatusCodes.Status400BadRequest, new ErrorBody(e.Message)),
            NotFoundException e => (StatusCodes.Status404NotFound, new ErrorBody(e.Message)),
            AliasExpiredException e => (StatusCodes.Status410Gone, new ErrorBody(e.Message)),
            ConcurrencyConflictException e => (StatusCodes.Status409Conflict, new ErrorBody(e.Message)),
            IdempotencyClaimLostException e => (StatusCodes.Status409Conflict, new ErrorBody(e.Message)),
            PreconditionFailedException e => (StatusCodes.Status412PreconditionFailed, new ErrorBody(e.Message)),
            RequestBodyTooLargeException e => (StatusCodes.Status413PayloadTooLarge, new ErrorBody(e.Message)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, new ErrorBody(RequestBodyTooLargeException.DefaultMessage)),
            BadHttpRequestException e => (e.StatusCode, new ErrorBody("The request could not be read.")),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, new ErrorBody("Client closed the request.")),
            RedisUnavailableException => (StatusCodes.Status503ServiceUnavailable, new ErrorBody(DatabaseUnavailable)),
            _ when DatabaseFailures.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, new ErrorBody(DatabaseUnavailable)),
            _ => (StatusCodes.Status500InternalServerError, new ErrorBody(Unexpected)),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDependencyUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        await ErrorResponses.WriteAsync(httpContext, status, body).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The exception middleware's fallback, reached only if no handler answered (this one answers every exception
    /// while the response has not started): the bare 500 envelope.
    /// </summary>
    public static Task Unhandled(HttpContext context) =>
        ErrorResponses.WriteAsync(context, StatusCodes.Status500InternalServerError, new ErrorBody(Unexpected));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database or Redis is unavailable for {Method} {Path}")]
    private static partial void LogDependencyUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
