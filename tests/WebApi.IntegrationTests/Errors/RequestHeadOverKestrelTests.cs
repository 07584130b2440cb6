using System.Net;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Errors;

/// <summary>
/// Requests that Kestrel refused before the application ran, with an empty body, now reach the application and get
/// the error envelope: an over-long URL (414), too many or too large headers (431), header bytes that are not UTF-8
/// or control characters in a header (400). Sent over a TCP socket to real Kestrel, since an HTTP client would refuse
/// to send most of them. The few answers that stay bare are the ones docs/api.md lists, with the reason.
/// </summary>
public sealed class RequestHeadOverKestrelTests
{
    private AliasServiceFactory _service = null!;
    private Uri _server = null!;

    [OneTimeSetUp]
    public void StartServiceOnKestrel()
    {
        _service = AliasServiceFactory.StartOnKestrel();
        using var client = _service.CreateClient();
        _server = client.BaseAddress!;
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await _service.DisposeAsync();

    [Test]
    public async Task PathOf10000Characters_Returns414Envelope()
    {
        var response = await SendAsync(RawHttp.Request($"GET /api/v1/alias/{new string('a', 10_000)} HTTP/1.1"));

        ShouldBeEnvelope(response, HttpStatusCode.RequestUriTooLong).Should().Contain("8 KiB");
    }

    [Test]
    public async Task UrlOfExactly8KiB_IsServed()
    {
        var path = "/api/v1/alias/";
        var response = await SendAsync(RawHttp.Request($"GET {path}{new string('a', 8 * 1024 - path.Length)} HTTP/1.1"));

        ShouldBeEnvelope(response, HttpStatusCode.NotFound).Should().Be("Alias not found");
    }

    [Test]
    public async Task HeaderOf40KB_Returns431Envelope()
    {
        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1", "X-Big: " + new string('a', 40_000)));

        ShouldBeEnvelope(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Test]
    public async Task HundredAndOneHeaders_Returns431Envelope()
    {
        // Host and Connection are two of them.
        var headers = Enumerable.Range(0, 99).Select(i => $"X-Header-{i}: a").ToArray();

        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1", headers));

        ShouldBeEnvelope(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Test]
    public async Task HundredHeaders_AreServed()
    {
        var headers = Enumerable.Range(0, 98).Select(i => $"X-Header-{i}: a").ToArray();

        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1", headers));

        response.Status.Should().Be(200, response.Body);
    }

    [Test]
    public async Task HeaderWithLatin1Byte_Returns400EnvelopeNamingTheHeader()
    {
        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1"u8.ToArray(), [.. "X-Name: caf"u8, 0xE9]));

        ShouldBeEnvelope(response, HttpStatusCode.BadRequest).Should().Be("The X-Name header is not valid UTF-8.");
    }

    [Test]
    public async Task AuthorizationWithBytesThatAreNotUtf8_Returns400EnvelopeNamingTheHeader()
    {
        var response = await SendAsync(RawHttp.Request("GET /organization/api/v1/aliases HTTP/1.1"u8.ToArray(), [.. "Authorization: Bearer abc"u8, 0xFF, 0xFE]));

        ShouldBeEnvelope(response, HttpStatusCode.BadRequest).Should().Be("The Authorization header is not valid UTF-8.");
    }

    [Test]
    public async Task HeaderWithValidUtf8_IsServedAsBefore()
    {
        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1"u8.ToArray(), [.. Encoding.UTF8.GetBytes("X-Name: café")]));

        response.Status.Should().Be(200, response.Body);
    }

    [Test]
    public async Task HeaderWithControlCharacter_Returns400EnvelopeNamingTheHeader()
    {
        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1", "X-Name: a\u0001b"));

        ShouldBeEnvelope(response, HttpStatusCode.BadRequest).Should().Be("The X-Name header contains control characters.");
    }

    [Test]
    public async Task HeaderWithTab_IsServed()
    {
        var response = await SendAsync(RawHttp.Request("GET /health/live HTTP/1.1", "X-Name: a\tb"));

        response.Status.Should().Be(200, response.Body);
    }

    // The cases below are refused by Kestrel's HTTP parser itself, which no setting lets through; docs/api.md
    // ("Errors") lists them with the reason. These tests pin that list: a change of Kestrel shows up here.
    [TestCase("GET /api/v1/alias/ab%00cd HTTP/1.1", 400, "%00")]
    [TestCase("GET /health/live HTTP/1.7", 505, "HTTP version")]
    [TestCase("G(T /health/live HTTP/1.1", 400, "request line")]
    public async Task RequestKestrelRefusesBeforeTheApplication_IsAnsweredBareAsDocumented(string requestLine, int status, string documentedAs)
    {
        var response = await SendAsync(RawHttp.Request(requestLine));

        response.Status.Should().Be(status);
        response.Body.Should().BeEmpty();
        (await File.ReadAllTextAsync(Repository.PathOf("docs/api.md"))).Should().Contain(documentedAs);
    }

    [Test]
    public async Task UrlBeyondKestrelsRawLimit_IsAnsweredBareAsDocumented()
    {
        var response = await SendAsync(RawHttp.Request($"GET /{new string('a', 40 * 1024)} HTTP/1.1"));

        response.Status.Should().Be(414);
        response.Body.Should().BeEmpty();
    }

    private Task<RawResponse> SendAsync(byte[] request) => RawHttp.SendAsync(_server, request);

    /// <summary>Asserts the status and the error envelope, and answers its message.</summary>
    private static string ShouldBeEnvelope(RawResponse response, HttpStatusCode status)
    {
        response.Status.Should().Be((int)status, response.Body);
        response.Headers["content-type"].Should().StartWith("application/json");
        using var document = JsonDocument.Parse(response.Body);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("error");
        return document.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
