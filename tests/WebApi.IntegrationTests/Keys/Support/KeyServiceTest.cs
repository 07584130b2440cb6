using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Keys.Support;

/// <summary>The shared fixture (<see cref="ServiceTest"/>) plus the calls the key-management tests make over HTTP.</summary>
public abstract class KeyServiceTest : ServiceTest
{
    private HttpClient? _anonymous;

    /// <summary>A client that sends no credential of its own.</summary>
    protected HttpClient Anonymous => _anonymous ??= Factory.CreateClient();

    [TearDown]
    public void DisposeAnonymousClient()
    {
        _anonymous?.Dispose();
        _anonymous = null;
    }

    /// <summary>Registers a public key as <see cref="ServiceTest.Organization"/> (or <paramref name="client"/>'s organization); asserts 201.</summary>
    protected async Task<JsonElement> RegisterJwtKeyAsync(string publicKeyPem, string name = "backend signing key", HttpClient? client = null)
    {
        using var response = await PostJwtKeyAsync(publicKeyPem, name, client);
        return await response.ReadJwtKeyAsync();
    }

    protected Task<HttpResponseMessage> PostJwtKeyAsync(string publicKeyPem, string name = "backend signing key", HttpClient? client = null) =>
        PostJwtKeyRawAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name, ["public_key"] = publicKeyPem }), client);

    protected Task<HttpResponseMessage> PostJwtKeyRawAsync(string json, HttpClient? client = null) =>
        (client ?? Client).PostAsync(Routes.JwtKeys, HttpJson.Body(json));

    /// <summary>Every JWT key the organization lists (one page of 100 is plenty here).</summary>
    protected async Task<List<JsonElement>> ListJwtKeysAsync(HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(Routes.JwtKeys + "?limit=100");
        var (after, entries) = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.JwtKeyFields);
        after.Should().BeNull();
        return entries;
    }

    protected async Task<JsonElement> CreateApiKeyAsync(HttpClient? client = null)
    {
        using var response = await (client ?? Client).PostAsync(Routes.ApiKeys, content: null);
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataWith(KeyJson.CreatedApiKeyFields).Clone();
    }

    protected async Task<List<JsonElement>> ListApiKeysAsync(HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(Routes.ApiKeys);
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.ApiKeyFields).Entries;
    }

    /// <summary>The organization as seen through another of its API keys.</summary>
    protected static TestOrganization WithApiKey(TestOrganization organization, JsonElement createdKey) =>
        (organization ?? throw new ArgumentNullException(nameof(organization))) with
        {
            ApiKeyId = createdKey.Text("id")!,
            ApiSecret = createdKey.Text("secret")!,
        };

    /// <summary>
    /// A new API key of <see cref="ServiceTest.Organization"/> and an organization token of it, used twice on the list
    /// (the first use also records it, a write that drops the key from the caches; the second caches it); asserts 200.
    /// </summary>
    protected async Task<(JsonElement Key, string Token)> CachedApiKeyTokenAsync()
    {
        var created = await CreateApiKeyAsync();
        var token = Factory.OrganizationToken(WithApiKey(Organization, created));
        for (var i = 0; i < 2; i++)
        {
            using var response = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        return (created, token);
    }

    /// <summary>An alias, an RS256 key registered for it and a token that key signs, retrieved once (so the key is cached); asserts 200.</summary>
    protected async Task<(string AliasId, string KeyId, string Token)> CachedJwtKeyTokenAsync()
    {
        var alias = await CreateAliasAsync();
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var token = AsymmetricJwt.ForAlias("RS256", key.Text("id"), alias.Text("id")!, Factory.Now).SignRsaPkcs1(rsa);
        using var response = await RetrieveAsync(alias.Text("id")!, token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (alias.Text("id")!, key.Text("id")!, token);
    }

    /// <summary>A request with exactly this bearer token (no organization token is added).</summary>
    protected async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string url, string token)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Anonymous.SendAsync(request);
    }

    /// <summary><c>GET /api/v1/alias/{id}</c> with an alias token, as an end user's browser would send it.</summary>
    protected Task<HttpResponseMessage> RetrieveAsync(string aliasId, string token) =>
        SendWithTokenAsync(HttpMethod.Get, Routes.Retrieve(aliasId), token);

    /// <summary>Asserts a 401 in the error envelope with a <c>reason</c>, and answers the reason.</summary>
    protected static async Task<string> ShouldBeRefusedAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().NotBeEmpty("a 401 names the Bearer scheme (RFC 6750)");
        return error.TryGetProperty("reason", out var reason) ? reason.GetString() ?? string.Empty : string.Empty;
    }
}
