using System.Text;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AliasService.WebApi.Hosting;

/// <summary>
/// Kestrel's own limits, set well above the ones <see cref="RequestHeadLimitMiddleware"/> and
/// <see cref="RequestBodyLimitMiddleware"/> enforce, so that an over-long URL, too many or too large headers, or header
/// bytes that are not UTF-8 reach the application and are answered in the error envelope. Kestrel answers only what is
/// beyond these raw limits or is not HTTP at all, with a bare status (docs/api.md, "Errors").
/// </summary>
internal static class KestrelLimits
{
    public const int MaxRequestLineBytes = 4 * RequestHeadLimitMiddleware.MaxUrlLength;
    public const int MaxRequestHeadersBytes = 4 * RequestHeadLimitMiddleware.MaxHeaderBytes;
    public const int MaxRequestHeaderCount = 4 * RequestHeadLimitMiddleware.MaxHeaderCount;

    /// <summary>A coarse backstop: the body limit is the application's, which counts body bytes only (not chunk framing).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static void Configure(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
        kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        kestrel.Limits.Http2.MaxRequestHeaderFieldSize = MaxRequestHeadersBytes;
        kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        // Kestrel refuses header bytes that are not UTF-8 with a bare 400; read as Latin-1, every byte reaches the
        // application, which decodes UTF-8 itself and refuses the rest in the envelope.
        kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
    }
}
