using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Structural checks that run before any signature check, because Microsoft.IdentityModel does not make them:
/// exactly three base64url segments (so a JWE is never decrypted or decompressed), a size limit, JSON objects
/// without duplicate members, and a header that holds only the members the service understands
/// (<c>alg</c>, <c>typ</c>, <c>kid</c>), so <c>crit</c>, <c>b64</c>, <c>jku</c>, <c>x5u</c>, <c>jwk</c> and the like are refused.
/// </summary>
public sealed class JwtStructure
{
    /// <summary>Far under Kestrel's header limit; real tokens of this service are a few hundred bytes.</summary>
    public const int MaxTokenLength = 8 * 1024;

    private const int MaxKidLength = 128;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private JwtStructure(string algorithm, string? keyId, JsonElement header, JsonElement payload)
    {
        Algorithm = algorithm;
        Header = header;
        KeyId = keyId;
        Payload = payload;
    }

    public string Algorithm { get; }

    public string? KeyId { get; }

    /// <summary>The header as raw JSON (only <c>alg</c>, <c>typ</c> and <c>kid</c> get this far).</summary>
    public JsonElement Header { get; }

    /// <summary>The payload as raw JSON, for checks of claim types that the library would coerce.</summary>
    public JsonElement Payload { get; }

    /// <summary>Parses the token's structure or throws <see cref="TokenRejectedException"/> saying why.</summary>
    public static JwtStructure Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxTokenLength)
        {
            throw new TokenRejectedException(TokenFailureReason.TokenTooLong, $"The token is longer than {MaxTokenLength} characters.");
        }

        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            throw Malformed("A JWT has exactly three dot-separated segments; encrypted (five-segment) tokens are not accepted.");
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || !IsBase64Url(segment))
            {
                throw Malformed("Every segment must be non-empty base64url text without padding.");
            }
        }

        var header = ParseObject(segments[0], "header");
        string? algorithm = null;
        string? keyId = null;
        foreach (var member in header.EnumerateObject())
        {
            switch (member.Name)
            {
                case "alg" when member.Value.ValueKind == JsonValueKind.String:
                    algorithm = member.Value.GetString();
                    break;
                case "kid" when member.Value.ValueKind == JsonValueKind.String && member.Value.GetString()!.Length is > 0 and <= MaxKidLength:
                    keyId = member.Value.GetString();
                    break;
                case "typ" when member.Value.ValueKind == JsonValueKind.String
                                && string.Equals(member.Value.GetString(), "JWT", StringComparison.OrdinalIgnoreCase):
                    break;
                default:
                    throw new TokenRejectedException(TokenFailureReason.UnsupportedHeader, "The token header may hold only alg, typ (\"JWT\") and kid.");
            }
        }

        if (string.IsNullOrEmpty(algorithm))
        {
            throw Malformed("The token header has no alg.");
        }

        return new JwtStructure(algorithm, keyId, header, ParseObject(segments[1], "payload"));
    }

    private static JsonElement ParseObject(string segment, string part)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
        }
        catch (FormatException)
        {
            throw Malformed($"The token {part} is not valid base64url.");
        }

        // The JSON reader accepts invalid UTF-8 inside strings and only fails when they are read as text.
        if (!Utf8.IsValid(bytes))
        {
            throw Malformed($"The token {part} is not valid UTF-8.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed($"The token {part} is not a JSON object.");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed($"The token {part} is not valid JSON (or repeats a member).");
        }
    }

    private static bool IsBase64Url(string segment)
    {
        foreach (var c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return segment.Length % 4 != 1;
    }

    private static TokenRejectedException Malformed(string description) => new(TokenFailureReason.Malformed, description);
}
