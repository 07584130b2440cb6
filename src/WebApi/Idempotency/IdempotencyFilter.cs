using System.Security.Cryptography;
using System.Text;
using AliasService.Infrastructure.Idempotency;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AliasService.WebApi.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a creating action (IETF idempotency-key draft). The first request with a key is processed
/// and, when it succeeds, its status and body are stored with the key for 24 hours; a retry with the same key and the
/// same request answers them again with <c>Idempotent-Replayed: true</c> and creates nothing. The same key with a
/// different request answers 422, a retry while the first is still running 409. Keys belong to the organization.
/// </summary>
internal sealed class IdempotencyFilter(IdempotencyStore store) : IAsyncResourceFilter
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.Headers[IdempotencyKey.HeaderName];
        if (values.Count == 0)
        {
            await next();
            return;
        }

        if (values.Count > 1 || !IdempotencyKey.IsValid(values[0]))
        {
            var details = ErrorResponses.Details(IdempotencyKey.HeaderName, $"must be one value of 1 to {IdempotencyKey.MaxLength} printable ASCII characters");
            context.Result = ErrorResponses.Result(StatusCodes.Status400BadRequest, ErrorResponses.InvalidFields(details));
            return;
        }

        var cancellationToken = http.RequestAborted;
        var fingerprint = await FingerprintAsync(http.Request, cancellationToken);
        var claim = await store.ClaimAsync(http.User.GetOrganizationId(), values[0]!, fingerprint, cancellationToken);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                context.Result = Replay(http.Response, claim.Response!);
                return;
            case IdempotencyOutcome.InFlight:
                context.Result = ErrorResponses.Result(StatusCodes.Status409Conflict, new ErrorBody(new IdempotencyClaimLostException().Message));
                return;
            case IdempotencyOutcome.Mismatch:
                context.Result = ErrorResponses.Result(StatusCodes.Status422UnprocessableEntity, new ErrorBody("This Idempotency-Key was already used with a different request."));
                return;
        }

        await ExecuteClaimedAsync(http, next, claim);
    }

    /// <summary>Runs the action with its response held back, so the response is stored (and sent) only once committed.</summary>
    private async Task ExecuteClaimedAsync(HttpContext http, ResourceExecutionDelegate next, IdempotencyClaim claim)
    {
        var response = http.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        bool stored;
        try
        {
            stored = await store.CompleteAsync(
                claim,
                async () =>
                {
                    var executed = await next();
                    var succeeded = (executed.Exception is null || executed.ExceptionHandled) && response.StatusCode is >= 200 and < 300;
                    return succeeded ? new StoredResponse(response.StatusCode, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)) : null;
                },
                http.RequestAborted);
        }
        finally
        {
            response.Body = original;
        }

        if (!stored)
        {
            // A failed request created nothing (its transaction was rolled back): a retry with the key starts afresh.
            await store.ReleaseAsync(claim);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>SHA-256 of the method, the path and the body bytes: "the same request" means exactly these.</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private static ContentResult Replay(HttpResponse response, StoredResponse stored)
    {
        response.Headers[ReplayedHeader] = "true";
        response.Headers.CacheControl = "no-store";
        return new ContentResult { StatusCode = stored.Status, Content = stored.Body, ContentType = "application/json; charset=utf-8" };
    }
}
