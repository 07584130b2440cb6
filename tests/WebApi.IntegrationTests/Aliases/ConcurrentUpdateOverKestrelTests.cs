using System.Net;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary>
/// Partial updates of different fields sent at the same moment over real connections to Kestrel: both succeed and
/// both changes are kept (the losing update is applied again to what the winner left), so no client sees a 409.
/// </summary>
public sealed class ConcurrentUpdateOverKestrelTests
{
    private const int Pairs = 100;

    private AliasServiceFactory _service = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartServiceOnKestrelAsync()
    {
        _service = AliasServiceFactory.StartOnKestrel();
        _client = _service.CreateClientFor(await _service.CreateOrganizationAsync());
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    [Test]
    public async Task HundredPairsOfConcurrentUpdatesOfDifferentFields_AllSucceedAndKeepBothFields()
    {
        var id = await CreateAliasAsync();
        var statuses = new List<HttpStatusCode>();
        var lost = new List<string>();

        for (var pair = 0; pair < Pairs; pair++)
        {
            var name = $"name {pair}";
            var streamKey = $"stream-key-{pair}";
            using var start = new SemaphoreSlim(0, 2);
            var updates = new[] { UpdateAsync(id, $$"""{"name":"{{name}}"}""", start), UpdateAsync(id, $$"""{"stream_key":"{{streamKey}}"}""", start) };
            start.Release(2);
            statuses.AddRange(await Task.WhenAll(updates));

            using var read = await _client.GetAsync(Routes.Retrieve(id));
            var alias = (await read.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
            if (alias.Text("name") != name || alias.Text("stream_key") != streamKey)
            {
                lost.Add($"pair {pair}: name {alias.Text("name")}, stream_key {alias.Text("stream_key")}");
            }
        }

        statuses.Should().HaveCount(2 * Pairs).And.OnlyContain(s => s == HttpStatusCode.OK);
        lost.Should().BeEmpty("both fields of every pair should be kept");
    }

    private async Task<HttpStatusCode> UpdateAsync(string id, string body, SemaphoreSlim start)
    {
        await start.WaitAsync();
        using var response = await _client.PostAsync(Routes.Update(id), HttpJson.Body(body));
        return response.StatusCode;
    }

    private async Task<string> CreateAliasAsync()
    {
        using var response = await _client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"conference","expired_at":{{_service.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }
}
