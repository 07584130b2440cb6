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
        _service = AliasServiceFactory.StartOnKestrel();
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

    // Kestrel counts chunk framing towards its own MaxRequestBodySize, so the 64 KiB limit must be the app's, which
    // counts body bytes only.
    [Test]
    public async Task Create_WithChunkedBodyOfExactly64KiB_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new ChunkedContent(Body(MaxBodyBytes)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
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
