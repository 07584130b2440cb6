using System.Text;
using AliasService.Application.Common.Models;
using AliasService.WebApi.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.Errors;

/// <summary>
/// Writes the error envelope; the one place every failure path ends up: middleware and handlers call
/// <see cref="WriteAsync"/>, MVC filters and factories return <see cref="Result"/>, which calls it too.
/// </summary>
internal static class ErrorResponses
{
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>The envelope as an MVC action result (for filters, MVC factories and actions), written by <see cref="WriteAsync"/>.</summary>
    public static ActionResult Result(int status, ErrorBody body) => new ErrorResult(status, body);

    /// <summary>A refused credential as an MVC action result, written by <see cref="WriteRefusalAsync"/>.</summary>
    public static ActionResult Refused(CredentialRefusal refusal) => new RefusalResult(refusal);

    /// <summary>A 400 naming every invalid field: a summary as the message, the reasons per field as details.</summary>
    public static ErrorBody InvalidFields(IReadOnlyDictionary<string, string[]> details) => new(Summarize(details), details);

    public static Task WriteAsync(HttpContext context, int status, ErrorBody body)
    {
        var response = context.Response;
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ErrorEnvelope(body), ApiJson.Options, "application/json; charset=utf-8", context.RequestAborted);
    }

    /// <summary>
    /// The one answer to a refused credential: a 401 with the RFC 6750 challenge, <c>error="invalid_token"</c> and the
    /// description when a token was sent and refused, a bare challenge when none was (RFC 6750 section 3.1). Only the
    /// public reason is written; the precise one stays with the owner's token inspection.
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext context, CredentialRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var challenge = new StringBuilder("Bearer realm=\"AliasService\"");
        if (refusal.TokenPresented)
        {
            challenge.Append(", error=\"invalid_token\", error_description=\"").Append(Quote(refusal.Description)).Append('"');
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = challenge.ToString();
        return WriteAsync(context, StatusCodes.Status401Unauthorized, new ErrorBody(Unauthorized, Reason: refusal.Reason));
    }

    public static IReadOnlyDictionary<string, string[]> Details(string field, string reason) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [reason] };

    /// <summary>A one-line summary of field errors for the <c>message</c>, e.g. "Invalid request: expired_at must be in the future".</summary>
    public static string Summarize(IReadOnlyDictionary<string, string[]> details) =>
        "Invalid request: " + string.Join("; ", details.SelectMany(d => d.Value.Select(r => $"{d.Key} {r}")));

    private sealed class ErrorResult(int status, ErrorBody body) : ActionResult
    {
        public override Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext, status, body);
    }

    private sealed class RefusalResult(CredentialRefusal refusal) : ActionResult
    {
        public override Task ExecuteResultAsync(ActionContext context) => WriteRefusalAsync(context.HttpContext, refusal);
    }

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal);
}
