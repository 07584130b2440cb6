using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>
/// The shared <see cref="ServiceTest"/> fixture plus what public retrieval tests need: an anonymous client,
/// aliases with known secrets, alias tokens signed by the hand-written <see cref="TestJwt"/>, and the checks of
/// a refusal (401 envelope, RFC 6750 challenge, no alias data) and of each view.
/// </summary>
public abstract class AliasAccessTest : ServiceTest
{
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Realm = "Bearer realm=\"AliasService\"";

    /// <summary>A client that sends no credential unless a request carries one.</summary>
    protected HttpClient Anonymous { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateAnonymousClient() => Anonymous = Factory.CreateDefaultClient();

    [OneTimeTearDown]
    public void DisposeAnonymousClient() => Anonymous.Dispose();

    /// <summary>A fresh HMAC secret of 64 ASCII characters (well over the 32-byte minimum).</summary>
    protected static string NewSecret() => "jwt-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(30));

    /// <summary>Creates an alias of <see cref="ServiceTest.Organization"/> with the given secrets (a day ahead unless told).</summary>
    protected Task<TestAlias> CreateTestAliasAsync(
        string? jwtSecret = null,
        string? passcode = null,
        string? streamKey = "live_sk_hidden",
        long? expiredAt = null,
        string name = "Access Room") =>
        CreateTestAliasAsync(Client, jwtSecret, passcode, streamKey, expiredAt, name);

    protected async Task<TestAlias> CreateTestAliasAsync(
        HttpClient client,
        string? jwtSecret = null,
        string? passcode = null,
        string? streamKey = "live_sk_hidden",
        long? expiredAt = null,
        string name = "Access Room")
    {
        ArgumentNullException.ThrowIfNull(client);
        var expiry = expiredAt ?? Factory.Now + 86_400;
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "conference",
            ["name"] = name,
            ["passcode"] = passcode,
            ["jwt_secret"] = jwtSecret,
            ["stream_key"] = streamKey,
            ["expired_at"] = expiry,
        });
        using var response = await client.PostAsync(Routes.Create, HttpJson.Body(body));
        var alias = (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        return new TestAlias(alias.Text("id")!, name, passcode, jwtSecret, streamKey, expiry);
    }

    /// <summary>A valid alias token for the service's current time: HS256, <c>alias</c>, <c>user_id</c>, <c>iat</c>, <c>exp</c> an hour ahead.</summary>
    protected TestJwt AliasToken(string aliasId, string secret) =>
        new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithClaim("alias", aliasId)
            .WithClaim("user_id", "user-1")
            .WithClaim("iat", Factory.Now)
            .WithClaim("exp", Factory.Now + 3600)
            .SignedHs256(secret);

    protected TestJwt AliasToken(TestAlias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return AliasToken(alias.Id, alias.Secret);
    }

    /// <summary><c>GET /api/v1/alias/{id}</c> with no credential other than those given; the token is sent as is, unvalidated.</summary>
    protected Task<HttpResponseMessage> RetrieveAsync(string id, string? token = null, string? passcode = null) =>
        SendRetrieveAsync(id, passcode, token is null ? null : "Bearer " + token);

    /// <summary><c>GET /api/v1/alias/{id}</c> with this exact Authorization header value.</summary>
    protected Task<HttpResponseMessage> RetrieveWithAuthorizationAsync(string id, string authorization) =>
        SendRetrieveAsync(id, passcode: null, authorization);

    /// <summary>
    /// Asserts a refusal: 401, the envelope with message <c>UNAUTHORIZED</c> and this <c>reason</c>, the RFC 6750
    /// challenge (with <c>error="invalid_token"</c> exactly when a token was sent), and no alias data at all:
    /// none of the alias object's members, neither the alias id nor any of its secrets, nor the token echoed.
    /// </summary>
    protected static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string reason, TestAlias alias, string? tokenSent)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(alias);
        var text = await response.Content.ReadAsStringAsync();
        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        error.Text("message").Should().Be(Unauthorized);
        error.TryGetProperty("reason", out var actualReason).Should().BeTrue("a 401 says why: {0}", text);
        actualReason.GetString().Should().Be(reason, "the body was: {0}", text);

        var challenge = Challenge(response);
        if (tokenSent is null)
        {
            challenge.Should().Be(Realm);
        }
        else
        {
            challenge.Should().StartWith(Realm + ", error=\"invalid_token\", error_description=\"").And.EndWith("\"");
            if (tokenSent.Length > 0)
            {
                challenge.Should().NotContain(tokenSent);
                text.Should().NotContain(tokenSent);
            }
        }

        ShouldHoldNoAliasData(text, alias);
    }

    /// <summary>Asserts 200 and the alias object in the given view, every field checked against what was created.</summary>
    protected static async Task<JsonElement> ShouldBeViewAsync(HttpResponseMessage response, TestAlias alias, ExpectedView view)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var data = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        data.Text("id").Should().Be(alias.Id);
        data.Text("type").Should().Be("conference");
        data.Text("name").Should().Be(alias.Name);
        data.Text("passcode").Should().Be(view == ExpectedView.Owner ? alias.Passcode : null);
        data.Text("jwt_secret").Should().Be(view == ExpectedView.Owner ? alias.JwtSecret : null);
        data.Text("stream_key").Should().Be(view == ExpectedView.Public ? null : alias.StreamKey);
        data.Number("expired_at").Should().Be(alias.ExpiredAt);
        return data;
    }

    /// <summary>Asserts 404 <c>Alias not found</c> and nothing else.</summary>
    protected static async Task ShouldBeNotFoundAsync(HttpResponseMessage response)
    {
        var error = await response.ReadErrorAsync(HttpStatusCode.NotFound);
        error.EnumerateObject().Select(p => p.Name).Should().Equal("message");
        error.Text("message").Should().Be("Alias not found");
    }

    /// <summary>Asserts 410 <c>Alias expired</c> and no alias data.</summary>
    protected static async Task ShouldBeGoneAsync(HttpResponseMessage response, TestAlias alias)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        var error = await response.ReadErrorAsync(HttpStatusCode.Gone);
        error.EnumerateObject().Select(p => p.Name).Should().Equal("message");
        error.Text("message").Should().Be("Alias expired");
        ShouldHoldNoAliasData(text, alias);
    }

    /// <summary>The raw <c>WWW-Authenticate</c> header text (empty when absent).</summary>
    protected static string Challenge(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values) ? string.Join(", ", values) : string.Empty;
    }

    private static void ShouldHoldNoAliasData(string body, TestAlias alias)
    {
        foreach (var field in HttpJson.AliasFields)
        {
            body.Should().NotContain($"\"{field}\"", "a refused caller must not reach the alias data");
        }

        foreach (var value in new[] { alias.Id, alias.Name, alias.Passcode, alias.JwtSecret, alias.StreamKey })
        {
            if (!string.IsNullOrEmpty(value))
            {
                body.Should().NotContain(value, "a refused caller must not reach the alias data");
            }
        }
    }

    private async Task<HttpResponseMessage> SendRetrieveAsync(string id, string? passcode, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Retrieve(id, passcode));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        }

        return await Anonymous.SendAsync(request);
    }
}
