using System.Net;
using System.Text;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Errors;

/// <summary>
/// The 64 KiB body limit over a real socket and Kestrel (its own request-body limit included), where the test
/// server's in-memory transport could hide how the two limits interact.
/// </summary>
public sealed class RequestBodyLimitOverKestrelTests
{
    private const int MaxBodyBytes = 64 * 1024;

    private AliasServiceFactory _service = null!;
    private HttpClient _client = null!;
    private TestOrganization _organization = null!;

    [OneTimeSetUp]
    public void StartServiceOnKestrel()
    {
        _service = new AliasServiceFactory();
        _service.UseKestrel(0);
        _service.StartServer();
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await _service.DisposeAsync();

    [SetUp]
    public async Task CreateOrganizationAsync()
    {
        _organization = await _service.CreateOrganizationAsync();
        _client = _service.CreateClientFor(_organization);
    }

    [Test]
    public async Task Create_WithBodyOver64KiBAndContentLength_Returns413EnvelopeAndCreatesNothing()
    {
        var content = new ByteArrayContent(Body(MaxBodyBytes + 1)) { Headers = { ContentType = new("application/json") } };

        using var response = await _client.PostAsync(Routes.Create, content);

        await response.ReadErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        await ShouldHaveNoAliasesAsync();
    }

    [Test]
    public async Task Create_WithChunkedBodyOver64KiB_Returns413EnvelopeAndCreatesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new ChunkedContent(Body(MaxBodyBytes + 1)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await response.ReadErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        await ShouldHaveNoAliasesAsync();
    }

    [Test]
    public async Task Create_WithBodyOfExactly64KiBAndContentLength_IsAccepted()
    {
        var content = new ByteArrayContent(Body(MaxBodyBytes)) { Headers = { ContentType = new("application/json") } };

        using var response = await _client.PostAsync(Routes.Create, content);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    // Known production bug: Kestrel counts chunk framing towards its MaxRequestBodySize, which src/WebApi/Program.cs
    // sets to the same 64 KiB as the app's own limit, so chunked bodies under 64 KiB are refused. Remove [Explicit] once fixed.
    [Test]
    [Explicit("Known production bug: chunked bodies under 64 KiB get 413 over Kestrel")]
    [Category("KnownProductionBug")]
    public async Task Create_WithChunkedBodyOfExactly64KiB_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new ChunkedContent(Body(MaxBodyBytes)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
    [Explicit("Known production bug: chunked bodies under 64 KiB get 413 over Kestrel")]
    [Category("KnownProductionBug")]
    public async Task Create_WithChunkedBodyOf32KiBInSmallChunks_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new ChunkedContent(Body(MaxBodyBytes / 2), chunkSize: 4) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    private async Task ShouldHaveNoAliasesAsync()
    {
        using var response = await _client.GetAsync(Routes.List);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"after":null,"entries":[]}""");
    }

    /// <summary>A valid create body padded with insignificant whitespace to exactly <paramref name="size"/> bytes.</summary>
    private byte[] Body(int size)
    {
        var head = "{\"type\":\"conference\",";
        var tail = $"\"expired_at\":{_service.Now + 3600}}}";
        return Encoding.UTF8.GetBytes(head + new string(' ', size - head.Length - tail.Length) + tail);
    }
}
