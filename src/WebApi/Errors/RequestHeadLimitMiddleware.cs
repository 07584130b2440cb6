using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using AliasService.WebApi.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace AliasService.WebApi.Errors;

/// <summary>
/// The limits on a request's URL and headers, enforced by the application so that every refusal has the error
/// envelope (Kestrel's own limits are set higher, <see cref="KestrelLimits"/>): a URL over 8 KiB is a 414, more than
/// 100 header lines or over 32 KiB of them a 431, a header whose bytes are not UTF-8 or that holds control characters
/// a 400 that names the header.
/// </summary>
internal sealed class RequestHeadLimitMiddleware(RequestDelegate next)
{
    public const int MaxUrlLength = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    /// <summary>C0 controls but the tab, and DEL: not allowed in a header value (RFC 9110 section 5.5).</summary>
    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c), '\u007F']);

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if ((target?.Length ?? 0) > MaxUrlLength)
        {
            return ErrorResponses.WriteAsync(context, StatusCodes.Status414UriTooLong,
                new ErrorBody($"The request URL is longer than {MaxUrlLength / 1024} KiB."));
        }

        var count = 0;
        var bytes = 0;
        List<(string Name, string?[] Values)>? decoded = null;
        foreach (var (name, values) in context.Request.Headers)
        {
            string?[]? changed = null;
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i] ?? string.Empty;
                count++;
                // As Kestrel counts a header line: name, ": ", value, CRLF.
                bytes += name.Length + value.Length + 4;
                if (!TryDecode(value, out var text))
                {
                    return Refuse(context, name, "is not valid UTF-8");
                }

                if (text.AsSpan().ContainsAny(ControlCharacters))
                {
                    return Refuse(context, name, "contains control characters");
                }

                if (!ReferenceEquals(text, value))
                {
                    changed ??= values.ToArray();
                    changed[i] = text;
                }
            }

            if (changed is not null)
            {
                (decoded ??= []).Add((name, changed));
            }
        }

        if (count > MaxHeaderCount || bytes > MaxHeaderBytes)
        {
            return ErrorResponses.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                new ErrorBody($"The request headers are too large: at most {MaxHeaderCount} header lines and {MaxHeaderBytes / 1024} KiB in all."));
        }

        foreach (var (name, values) in decoded ?? [])
        {
            context.Request.Headers[name] = values;
        }

        return next(context);
    }

    /// <summary>
    /// Kestrel hands header bytes over as Latin-1 characters (one per byte); UTF-8 among them is decoded here, as
    /// Kestrel itself would, and anything else is refused. A character above U+00FF cannot be such a byte: the
    /// value was decoded already (by an in-memory test server) and is taken as it is.
    /// </summary>
    private static bool TryDecode(string value, out string text)
    {
        text = value;
        if (!value.AsSpan().ContainsAnyExceptInRange('\0', '\u007F') || value.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
        {
            return true;
        }

        var raw = Encoding.Latin1.GetBytes(value);
        if (!Utf8.IsValid(raw))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(raw);
        return true;
    }

    private static Task Refuse(HttpContext context, string header, string problem) =>
        ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest,
            new ErrorBody(
                string.Create(CultureInfo.InvariantCulture, $"The {header} header {problem}."),
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [header] = [problem] }));
}
