using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using AliasService.Application.Common.Models;

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

    /// <summary>
    /// Parses the token's structure, or answers false with the refusal saying why (without throwing: a malformed token
    /// is what an attacker sends, so its refusal must stay cheap).
    /// </summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out JwtStructure? structure, [NotNullWhen(false)] out CredentialRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(token);
        structure = null;
        if (token.Length > MaxTokenLength)
        {
            refusal = CredentialRefusal.OfToken(TokenFailureReason.TokenTooLong, $"The token is longer than {MaxTokenLength} characters.");
            return false;
        }

        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            refusal = Malformed("A JWT has exactly three dot-separated segments; encrypted (five-segment) tokens are not accepted.");
            return false;
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || !IsBase64Url(segment))
            {
                refusal = Malformed("Every segment must be non-empty base64url text without padding.");
                return false;
            }
        }

        if (!TryParseObject(segments[0], "header", out var header, out refusal))
        {
            return false;
        }

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
                    refusal = CredentialRefusal.OfToken(TokenFailureReason.UnsupportedHeader, "The token header may hold only alg, typ (\"JWT\") and kid.");
                    return false;
            }
        }

        if (string.IsNullOrEmpty(algorithm))
        {
            refusal = Malformed("The token header has no alg.");
            return false;
        }

        if (!TryParseObject(segments[1], "payload", out var payload, out refusal))
        {
            return false;
        }

        structure = new JwtStructure(algorithm, keyId, header, payload);
        return true;
    }

    private static bool TryParseObject(string segment, string part, out JsonElement element, [NotNullWhen(false)] out CredentialRefusal? refusal)
    {
        element = default;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        // TryDecodeFromChars throws on text it cannot decode (such as a last character with unused bits set).
        if (Base64Url.DecodeFromChars(segment, bytes, out _, out var written) != OperationStatus.Done)
        {
            refusal = Malformed($"The token {part} is not valid base64url.");
            return false;
        }

        var json = bytes.AsSpan(0, written);

        // The JSON reader accepts invalid UTF-8 inside strings and only fails when they are read as text.
        if (!Utf8.IsValid(json))
        {
            refusal = Malformed($"The token {part} is not valid UTF-8.");
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, written), StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                refusal = Malformed($"The token {part} is not a JSON object.");
                return false;
            }

            element = document.RootElement.Clone();
            refusal = null;
            return true;
        }
        catch (JsonException)
        {
            // The one refusal that still costs a throw and catch (inside the parser); it never leaves this method.
            refusal = Malformed($"The token {part} is not valid JSON (or repeats a member).");
            return false;
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

    private static CredentialRefusal Malformed(string description) => CredentialRefusal.OfToken(TokenFailureReason.Malformed, description);
}
