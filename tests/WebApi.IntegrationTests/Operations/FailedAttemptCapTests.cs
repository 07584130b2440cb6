using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// The limiter tracks at most <c>RateLimiting:MaxTrackedWindows</c> windows (here 4). At the cap, attempts that
/// would need a new window are refused with 429 and Retry-After until windows expire: memory stays bounded and
/// guessing never becomes unlimited. Windows already tracked keep working as usual.
/// </summary>
public sealed class FailedAttemptCapTests
{
    private const string Passcode = "cap-passcode-5521";

    private ConfiguredService _service = null!;
    private HttpClient _owner = null!;
    private HttpClient _visitor = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        _service = new ConfiguredService(new Dictionary<string, string>
        {
            ["RateLimiting:FailedRetrievals:PermitLimit"] = "3",
            ["RateLimiting:FailedRetrievals:WindowSeconds"] = "600",
            ["RateLimiting:FailedRetrievalsPerAlias:WindowSeconds"] = "600",
            ["RateLimiting:MaxTrackedWindows"] = "4",
        });
        _owner = _service.CreateClientFor(await _service.CreateOrganizationAsync());
        _visitor = _service.CreateAnonymousClient();
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        _owner.Dispose();
        _visitor.Dispose();
        await _service.DisposeAsync();
    }

    [Test]
    public async Task AtTheCap_AttemptsNeedingANewWindowAre429_UntilWindowsExpire()
    {
        var first = await CreateProtectedAliasAsync();
        var second = await CreateProtectedAliasAsync();
        var third = await CreateProtectedAliasAsync();
        await ExpectAsync(first, "wrong", HttpStatusCode.Unauthorized);
        await ExpectAsync(second, "wrong", HttpStatusCode.Unauthorized);
        FailedAttemptWindows.Read(_service.Services).Should().Be(4);

        using (var refused = await RetrieveAsync(third, Passcode))
        {
            await refused.ReadErrorAsync(HttpStatusCode.TooManyRequests);
            refused.ShouldBePositiveSeconds().Should().BeLessThanOrEqualTo(600);
        }

        await ExpectAsync(first, "wrong again", HttpStatusCode.Unauthorized);
        FailedAttemptWindows.Read(_service.Services).Should().Be(4);

        _service.Clock.Advance(TimeSpan.FromSeconds(600));
        await ExpectAsync(third, Passcode, HttpStatusCode.OK);
        FailedAttemptWindows.Read(_service.Services).Should().Be(0);
    }

    private async Task<string> CreateProtectedAliasAsync()
    {
        using var response = await _owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{Passcode}}","expired_at":{{_service.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    private Task<HttpResponseMessage> RetrieveAsync(string alias, string passcode) =>
        _visitor.GetAsync($"{Routes.Retrieve(alias)}?passcode={Uri.EscapeDataString(passcode)}");

    private async Task ExpectAsync(string alias, string passcode, HttpStatusCode status)
    {
        using var response = await RetrieveAsync(alias, passcode);
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
    }
}
