using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// A hand-written JWS compact serializer, independent of the code under test (no Microsoft.IdentityModel):
/// header and payload members are kept in the order given, as raw JSON, so tests can also build tokens that a
/// well-behaved library would refuse to produce (wrong member types, lying <c>alg</c>, extra header members).
/// </summary>
public sealed class TestJwt
{
    private readonly List<KeyValuePair<string, string>> _header = [];
    private readonly List<KeyValuePair<string, string>> _payload = [];
    private string? _rawHeader;
    private string? _rawPayload;
    private Func<byte[], byte[], byte[]>? _mac;
    private byte[] _key = [];

    /// <summary>An organization token as docs/api.md describes it: HS256, <c>kid</c> = API key id, <c>iat</c> now, <c>exp</c> in an hour.</summary>
    public static TestJwt ForOrganization(TestOrganization organization, long now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithHeader("kid", organization.ApiKeyId)
            .WithClaim("iat", now)
            .WithClaim("exp", now + 3600)
            .SignedHs256(organization.ApiSecret);
    }

    public TestJwt WithHeader(string name, object? value) => Set(_header, name, JsonSerializer.Serialize(value));

    public TestJwt WithoutHeader(string name) => Remove(_header, name);

    public TestJwt WithClaim(string name, object? value) => Set(_payload, name, JsonSerializer.Serialize(value));

    /// <summary>A claim whose value is written exactly as given, e.g. <c>1.5</c> or <c>"123"</c>.</summary>
    public TestJwt WithRawClaim(string name, string rawJson) => Set(_payload, name, rawJson);

    public TestJwt WithoutClaim(string name) => Remove(_payload, name);

    /// <summary>Replaces the whole header by this text (need not be JSON).</summary>
    public TestJwt WithRawHeader(string text)
    {
        _rawHeader = text;
        return this;
    }

    /// <summary>Replaces the whole payload by this text (need not be JSON).</summary>
    public TestJwt WithRawPayload(string text)
    {
        _rawPayload = text;
        return this;
    }

    public TestJwt SignedHs256(string secret) => Signed(secret, HMACSHA256.HashData);

    public TestJwt SignedHs384(string secret) => Signed(secret, HMACSHA384.HashData);

    public TestJwt SignedHs512(string secret) => Signed(secret, HMACSHA512.HashData);

    /// <summary>No signature at all: the token ends with a dot, as <c>alg: none</c> tokens do.</summary>
    public TestJwt Unsigned()
    {
        _mac = null;
        _key = [];
        return this;
    }

    public string Encode()
    {
        var signingInput = Base64UrlOf(_rawHeader ?? ObjectOf(_header)) + "." + Base64UrlOf(_rawPayload ?? ObjectOf(_payload));
        var signature = _mac is null ? string.Empty : Base64Url.EncodeToString(_mac(_key, Encoding.ASCII.GetBytes(signingInput)));
        return signingInput + "." + signature;
    }

    public override string ToString() => Encode();

    public static string Base64UrlOf(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private TestJwt Signed(string secret, Func<byte[], byte[], byte[]> mac)
    {
        _key = Encoding.UTF8.GetBytes(secret);
        _mac = mac;
        return this;
    }

    private TestJwt Set(List<KeyValuePair<string, string>> members, string name, string rawJson)
    {
        Remove(members, name);
        members.Add(new(name, rawJson));
        return this;
    }

    private TestJwt Remove(List<KeyValuePair<string, string>> members, string name)
    {
        members.RemoveAll(m => m.Key == name);
        return this;
    }

    private static string ObjectOf(List<KeyValuePair<string, string>> members) =>
        "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Key) + ":" + m.Value)) + "}";
}
