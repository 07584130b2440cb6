using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.Concurrency;

/// <summary>
/// A resource's concurrency version as an HTTP entity tag: a strong tag of the version's 32 hex digits, sent as
/// <c>ETag</c> and accepted back in <c>If-Match</c> (RFC 9110 section 13.1.1: strong comparison, <c>*</c> matches any).
/// </summary>
internal static class EntityTags
{
    public static string Format(Guid version) => $"\"{version:N}\"";

    /// <summary>
    /// The versions an <c>If-Match</c> value accepts; null when there is no condition (no header, or <c>*</c>). Weak
    /// or unreadable tags match no version, so such a header can only fail.
    /// </summary>
    public static IReadOnlyCollection<Guid>? ParseIfMatch(string? ifMatch)
    {
        if (ifMatch is null)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList([ifMatch], out var tags))
        {
            return [];
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        return [.. tags
            .Where(t => !t.IsWeak && t.Tag.Length == 34)
            .Select(t => Guid.TryParseExact(t.Tag.AsSpan(1, 32), "N", out var version) ? version : (Guid?)null)
            .OfType<Guid>()];
    }
}
