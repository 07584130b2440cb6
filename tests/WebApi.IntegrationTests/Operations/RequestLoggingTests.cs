using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// What an operator's log holds after a whole alias life cycle, captured at Trace level from every category
/// (messages, structured values, scopes, exception texts): one line per request with method, route template and
/// status, each carrying a request id and a trace id; and never a passcode, secret or token.
/// </summary>
public sealed class RequestLoggingTests
{
    private const string RequestLogCategory = "AliasService.WebApi.Telemetry.RequestLoggingMiddleware";
    private const string IncomingTraceId = "0af7651916cd43dd8448eb211c80319c";

    private readonly List<(string Method, string Route, int Status)> _requests = [];
    private readonly List<string> _secrets = [];
    private readonly List<string> _passcodes = [];
    private readonly List<string> _sentAuthorizations = [];
    private ConfiguredService _service = null!;
    private string _aliasId = null!;

    /// <summary>Runs the life cycle once; the tests read what it left in the log.</summary>
    [OneTimeSetUp]
    public async Task RunAliasLifeCycleAsync()
    {
        _service = ConfiguredService.WithLogCapture();
        var organization = await _service.CreateOrganizationAsync();
        _secrets.Add(organization.ApiSecret);
        using var client = _service.CreateClientFor(organization, _sentAuthorizations);
        using var anonymous = _service.CreateAnonymousClient();

        const string passcode = "Pc-7Q2x-Lr9Z-first";
        const string jwtSecret = "Js-first-3f9c1e7a5b2d4f6e8a0c2e4f6a8b0d2f";
        const string streamKey = "Sk-first-91b7e2d4c6a8";
        const string newPasscode = "Pc-Vw3k-Hq8M-second";
        const string newJwtSecret = "Js-second-7d1f3b5a9c2e4f6a8b0d2f4e6a8c0b1d";
        const string newStreamKey = "Sk-second-4c0e6a2b8d1f";
        const string wrongPasscode = "Pc-wrong-guess-31337";
        _secrets.AddRange([jwtSecret, streamKey, newJwtSecret, newStreamKey]);
        _passcodes.AddRange([passcode, newPasscode, wrongPasscode]);

        var created = await SendAsync(client, HttpMethod.Post, Routes.Create, "organization/api/v1/alias/create", HttpStatusCode.Created,
            $$"""{"type":"conference","name":"Log cycle","passcode":"{{passcode}}","jwt_secret":"{{jwtSecret}}","stream_key":"{{streamKey}}","expired_at":{{_service.Now + 86_400}}}""");
        _aliasId = created.GetProperty("data").Text("id")!;
        var retrieve = Routes.Retrieve(_aliasId);

        await SendAsync(client, HttpMethod.Get, Routes.List, "organization/api/v1/aliases", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Post, Routes.Update(_aliasId), "organization/api/v1/alias/update/{id}", HttpStatusCode.OK,
            $$"""{"passcode":"{{newPasscode}}","jwt_secret":"{{newJwtSecret}}","stream_key":"{{newStreamKey}}"}""");
        var minted = await SendAsync(client, HttpMethod.Post, Routes.MintToken(_aliasId), "organization/api/v1/alias/{id}/token", HttpStatusCode.Created,
            """{"user_id":"log-cycle-user","host":true,"expires_in":600}""");
        var aliasToken = minted.GetProperty("data").Text("token")!;
        _secrets.Add(aliasToken);
        var tamperedToken = aliasToken[..^2] + (aliasToken[^2] == 'A' ? "B" : "A") + aliasToken[^1];
        _secrets.Add(tamperedToken);
        var forgedOrganizationToken = TestJwt.ForOrganization(organization, _service.Now).SignedHs256("Not-the-api-secret-0123456789abcdef").Encode();
        _secrets.Add(forgedOrganizationToken);

        await SendAsync(anonymous, HttpMethod.Get, $"{retrieve}?passcode={Uri.EscapeDataString(newPasscode)}", "api/v1/alias/{id}", HttpStatusCode.OK);
        await SendAsync(anonymous, HttpMethod.Get, retrieve, "api/v1/alias/{id}", HttpStatusCode.OK, bearer: aliasToken);
        await SendAsync(client, HttpMethod.Get, retrieve, "api/v1/alias/{id}", HttpStatusCode.OK);
        await SendAsync(anonymous, HttpMethod.Get, $"{retrieve}?passcode={Uri.EscapeDataString(wrongPasscode)}", "api/v1/alias/{id}", HttpStatusCode.Unauthorized);
        await SendAsync(anonymous, HttpMethod.Get, retrieve, "api/v1/alias/{id}", HttpStatusCode.Unauthorized, bearer: tamperedToken);
        await SendAsync(client, HttpMethod.Get, Routes.List, "organization/api/v1/aliases", HttpStatusCode.Unauthorized, bearer: forgedOrganizationToken);
        var apiKey = await SendAsync(client, HttpMethod.Post, "/organization/api/v1/api_keys", "organization/api/v1/api_keys", HttpStatusCode.Created);
        _secrets.Add(apiKey.GetProperty("data").Text("secret")!);
        await SendAsync(client, HttpMethod.Delete, Routes.Delete(_aliasId), "organization/api/v1/alias/delete/{id}", HttpStatusCode.OK);
        await SendAsync(anonymous, HttpMethod.Get, $"{retrieve}?passcode={Uri.EscapeDataString(newPasscode)}", "api/v1/alias/{id}", HttpStatusCode.NotFound);
        await SendAsync(anonymous, HttpMethod.Get, "/health/live", "/health/live", HttpStatusCode.OK, traceparent: $"00-{IncomingTraceId}-b7ad6b7169203331-01");

        lock (_sentAuthorizations)
        {
            _secrets.AddRange(_sentAuthorizations);
        }
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await _service.DisposeAsync();

    [Test]
    public void AliasLifeCycle_AtTheShippedLogLevels_LogsNoPasscodeSecretOrToken()
    {
        var logs = _service.ShippedLevelLogs!.Entries;

        logs.Should().Contain(e => e.Category == RequestLogCategory, "the capture sees what the console sees");
        Leaks(logs, _passcodes.Concat(_secrets)).Should().BeEmpty("no line an operator gets by default may hold a credential");
    }

    [Test]
    public void AliasLifeCycle_AtTraceLevel_LogsNoSecretOrTokenFromAnyCategory()
    {
        var logs = _service.Logs!.Entries;

        logs.Should().Contain(e => e.Level == LogLevel.Trace, "the capture sees every level");
        Leaks(logs, _secrets).Should().BeEmpty("no log line, structured value, scope or exception text may hold a secret or token");
    }

    [Test]
    public void AliasLifeCycle_AtTraceLevel_LogsNoPasscodeOutsideAspNetCoresOwnRequestLogging()
    {
        // ASP.NET Core's hosting log (Information) writes the query string, and MVC's Trace log the action
        // arguments; the shipped levels keep both off (Microsoft.AspNetCore: Warning). Everything else, the
        // service's own code first, must never hold a passcode at any level.
        var logs = _service.Logs!.Entries.Where(e => !e.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)).ToList();

        logs.Should().Contain(e => e.Category.StartsWith("AliasService.", StringComparison.Ordinal));
        Leaks(logs, _passcodes).Should().BeEmpty("a passcode is a credential");
    }

    [Test]
    public void EveryRequest_IsLoggedOnceWithMethodRouteTemplateAndStatus()
    {
        var lines = RequestLines()
            .Select(l => (l.StateValue("Method"), l.StateValue("Route"), int.Parse(l.StateValue("StatusCode")!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        lines.Should().Equal(_requests.Select(r => ((string?)r.Method, (string?)r.Route, r.Status)));
    }

    [Test]
    public void RequestLines_ReadAsMethodRouteStatusAndDuration_WithoutTheRawPath()
    {
        var lines = RequestLines();

        lines.Should().HaveCount(_requests.Count);
        foreach (var line in lines)
        {
            line.Level.Should().Be(LogLevel.Information);
            line.Message.Should().MatchRegex(@"^HTTP [A-Z]+ \S+ responded \d{3} in \d+\.\d ms$");
            line.Message.Should().NotContain(_aliasId, "the route template is logged, not the path with its ids");
            double.Parse(line.StateValue("DurationMs")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(0);
        }
    }

    [Test]
    public void EveryRequestLine_CarriesARequestIdAndATraceIdInItsScopes()
    {
        var lines = RequestLines();

        lines.Should().HaveCount(_requests.Count);
        lines.Select(l => l.ScopeValue("RequestId")).Should().OnlyContain(id => !string.IsNullOrWhiteSpace(id)).And.OnlyHaveUniqueItems();
        lines.Select(l => l.ScopeValue("TraceId")).Should().OnlyContain(id => id != null && System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{32}$"))
            .And.OnlyHaveUniqueItems("each request without a traceparent starts its own trace");
    }

    /// <summary>Each credential (or part of one) found in the logs, with the entry that holds it.</summary>
    private static List<string> Leaks(IEnumerable<CapturedLog> logs, IEnumerable<string> credentials)
    {
        var searched = credentials.Distinct().SelectMany(SensitiveParts).Distinct().ToList();
        searched.Should().NotBeEmpty();
        return (from entry in logs
                from text in entry.AllTexts()
                from credential in searched
                where text.Contains(credential, StringComparison.Ordinal)
                select $"{credential} in {entry}").Distinct().ToList();
    }

    [Test]
    public void RequestLine_OfARequestThatCameWithATraceparent_CarriesThatTraceId()
    {
        // The last request of the cycle came with a W3C traceparent, as from a traced caller or gateway.
        var line = RequestLines().Should().HaveCount(_requests.Count).And.Subject.Last();

        line.StateValue("Route").Should().Be("/health/live");
        line.ScopeValue("TraceId").Should().Be(IncomingTraceId);
    }

    private List<CapturedLog> RequestLines() =>
        [.. _service.Logs!.Entries.Where(e => e.Category == RequestLogCategory)];

    /// <summary>The credential itself and, for a JWT, its payload and signature, which would leak it just as well.</summary>
    private static IEnumerable<string> SensitiveParts(string secret)
    {
        yield return secret;
        var parts = secret.Split('.');
        if (parts.Length == 3)
        {
            yield return parts[1];
            yield return parts[2];
        }
    }

    private async Task<JsonElement> SendAsync(
        HttpClient client, HttpMethod method, string url, string routeTemplate, HttpStatusCode expected, string? body = null, string? bearer = null, string? traceparent = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        if (body is not null)
        {
            request.Content = HttpJson.Body(body);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await client.SendAsync(request);
        _requests.Add((method.Method, routeTemplate, (int)expected));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "{0} {1} answered {2}", method, routeTemplate, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
