using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// Every response says <c>Cache-Control: no-store</c>: the ones that carry an API secret, a token, a passcode, a
/// JWT secret or a stream key, and every error, so neither a shared cache nor a browser keeps them.
/// </summary>
public sealed class NoStoreTests : KeyServiceTest
{
    private const string Secret = "no-store-jwt-secret-0123456789abcdef";

    [Test]
    public async Task ResponsesCarryingSecrets_AreNoStore()
    {
        var alias = await CreateAliasAsync($$"""
            "passcode":"4321","jwt_secret":"{{Secret}}","stream_key":"live_sk_1"
            """);
        var id = alias.Text("id")!;
        var hostToken = new TestJwt().WithHeader("alg", "HS256").WithHeader("typ", "JWT")
            .WithClaim("alias", id).WithClaim("host", true).WithClaim("exp", Factory.Now + 600).SignedHs256(Secret).Encode();
        using var p256 = TestKeys.Ec(256);

        var checks = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[]
        {
            ("create API key (secret)", () => Client.PostAsync(Routes.ApiKeys, null), HttpStatusCode.Created),
            ("list API keys", () => Client.GetAsync(Routes.ApiKeys), HttpStatusCode.OK),
            ("create alias", () => Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"live","passcode":"9999","expired_at":{{Factory.Now + 600}}}""")), HttpStatusCode.Created),
            ("update alias", () => Client.PostAsync(Routes.Update(id), HttpJson.Body("""{"name":"Renamed"}""")), HttpStatusCode.OK),
            ("list aliases", () => Client.GetAsync(Routes.List), HttpStatusCode.OK),
            ("owner retrieval", () => Client.GetAsync(Routes.Retrieve(id)), HttpStatusCode.OK),
            ("host retrieval", () => WithBearer(Routes.Retrieve(id), hostToken), HttpStatusCode.OK),
            ("passcode retrieval", () => Anonymous.GetAsync(Routes.Retrieve(id) + "?passcode=4321"), HttpStatusCode.OK),
            ("mint alias token", () => Client.PostAsync(Routes.MintToken(id), HttpJson.Body("""{"user_id":"u1","host":true}""")), HttpStatusCode.Created),
            ("register JWT key", () => PostJwtKeyAsync(p256.ExportSubjectPublicKeyInfoPem()), HttpStatusCode.Created),
            ("list JWT keys", () => Client.GetAsync(Routes.JwtKeys), HttpStatusCode.OK),
            ("health", () => Anonymous.GetAsync("/health/ready"), HttpStatusCode.OK),
        };

        await ShouldAllBeNoStoreAsync(checks);
    }

    [Test]
    public async Task Errors_AreNoStore()
    {
        var id = (await CreateAliasAsync("\"passcode\":\"4321\"")).Text("id")!;

        var checks = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[]
        {
            ("wrong passcode", () => Anonymous.GetAsync(Routes.Retrieve(id) + "?passcode=0000"), HttpStatusCode.Unauthorized),
            ("bad token", () => WithBearer(Routes.Retrieve(id), "not.a.token"), HttpStatusCode.Unauthorized),
            ("no organization token", () => Anonymous.GetAsync(Routes.List), HttpStatusCode.Unauthorized),
            ("unknown alias", () => Anonymous.GetAsync(Routes.Retrieve("AAAAAAAAAAAAAAAA")), HttpStatusCode.NotFound),
            ("unknown route", () => Anonymous.GetAsync("/no/such/route"), HttpStatusCode.NotFound),
            ("invalid field", () => Client.PostAsync(Routes.Create, HttpJson.Body("""{"type":"party","expired_at":1}""")), HttpStatusCode.BadRequest),
            ("wrong method", () => Client.PutAsync(Routes.Create, HttpJson.Body("{}")), HttpStatusCode.MethodNotAllowed),
            ("wrong content type", () => Client.PostAsync(Routes.Create, new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType),
            ("body too large", () => Client.PostAsync(Routes.Create, HttpJson.Body(new string(' ', 70 * 1024))), HttpStatusCode.RequestEntityTooLarge),
        };

        await ShouldAllBeNoStoreAsync(checks);
    }

    private async Task<HttpResponseMessage> WithBearer(string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Anonymous.SendAsync(request);
    }

    private static async Task ShouldAllBeNoStoreAsync(IEnumerable<(string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)> checks)
    {
        var missing = new List<string>();
        foreach (var (what, send, status) in checks)
        {
            using var response = await send();
            response.StatusCode.Should().Be(status, "{0}: {1}", what, await response.Content.ReadAsStringAsync());
            if (response.Headers.CacheControl?.NoStore != true)
            {
                missing.Add($"{what}: Cache-Control {response.Headers.CacheControl?.ToString() ?? "(none)"}");
            }
        }

        missing.Should().BeEmpty();
    }
}
