using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.Infrastructure.Idempotency;
using AliasService.WebApi.IntegrationTests.Idempotency.Support;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the three creating endpoints, over HTTP, on two instances (A and B) sharing one database:
/// a retry with the same key and body replays the first response from either instance and creates nothing; the same
/// key with another request is 422; a retry while the first is in flight is 409; keys belong to one organization.
/// </summary>
public sealed class IdempotencyKeyTests
{
    private const string Header = "Idempotency-Key";
    private const string Replayed = "Idempotent-Replayed";

    private readonly SaveGate _gate = new();
    private TestStorage _storage = null!;
    private TestStorage _storageOfB = null!;
    private AliasServiceFactory _a = null!;
    private AliasServiceFactory _b = null!;
    private TestOrganization _organization = null!;
    private HttpClient _clientOfA = null!;
    private HttpClient _clientOfB = null!;

    public static IEnumerable<TestCaseData> Endpoints =>
    [
        new TestCaseData(Endpoint.Alias).SetArgDisplayNames("alias/create"),
        new TestCaseData(Endpoint.ApiKey).SetArgDisplayNames("api_keys"),
        new TestCaseData(Endpoint.JwtKey).SetArgDisplayNames("jwt_keys"),
    ];

    [OneTimeSetUp]
    public void StartInstances()
    {
        _storage = TestStorage.Create();
        _storageOfB = _storage.SharingTheDatabase();
        _a = new AliasServiceFactory(_storage, _gate.Install);
        _a.StartServer();
        _b = new AliasServiceFactory(_storageOfB);
        _b.StartServer();
    }

    [OneTimeTearDown]
    public async Task StopInstancesAsync()
    {
        _gate.Release();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _storageOfB.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [SetUp]
    public async Task CreateOrganizationAsync()
    {
        _organization = await _a.CreateOrganizationAsync();
        _clientOfA = _a.CreateClientFor(_organization);
        _clientOfB = _b.CreateClientFor(_organization);
    }

    [TearDown]
    public void DisposeClients()
    {
        _clientOfA.Dispose();
        _clientOfB.Dispose();
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Retry_WithTheSameKeyAndBody_ReplaysTheFirstResponse_AndCreatesNothing(Endpoint endpoint)
    {
        var key = NewKey();
        var body = endpoint.Body(_a.Now);
        var before = await endpoint.CountAsync(_clientOfA);

        using var first = await SendAsync(_clientOfA, endpoint, key, body);
        var firstText = await first.Content.ReadAsStringAsync();
        using var retry = await SendAsync(_clientOfA, endpoint, key, body);

        first.StatusCode.Should().Be(HttpStatusCode.Created, firstText);
        first.Headers.Contains(Replayed).Should().BeFalse("the first response is not a replay");
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.GetValues(Replayed).Should().Equal("true");
        retry.Headers.CacheControl!.NoStore.Should().BeTrue("a replayed response can hold a secret");
        retry.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await retry.Content.ReadAsStringAsync()).Should().Be(firstText);
        (await endpoint.CountAsync(_clientOfA)).Should().Be(before + 1);
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Retry_ThroughAnotherInstance_ReplaysTheFirstResponse_AndCreatesNothing(Endpoint endpoint)
    {
        var key = NewKey();
        var body = endpoint.Body(_a.Now);
        var before = await endpoint.CountAsync(_clientOfB);

        using var first = await SendAsync(_clientOfA, endpoint, key, body);
        var firstText = await first.Content.ReadAsStringAsync();
        using var retry = await SendAsync(_clientOfB, endpoint, key, body);

        first.StatusCode.Should().Be(HttpStatusCode.Created, firstText);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.GetValues(Replayed).Should().Equal("true");
        (await retry.Content.ReadAsStringAsync()).Should().Be(firstText, "B decrypts the response A stored, secrets included");
        (await endpoint.CountAsync(_clientOfB)).Should().Be(before + 1);
    }

    [Test]
    public async Task Replay_OfACreatedAlias_ShowsTheSameSecretsAsTheFirstResponse()
    {
        var key = NewKey();
        var body = $$"""{"type":"live","passcode":"{{Secret("pc")}}","jwt_secret":"{{Secret("js")}}","stream_key":"{{Secret("sk")}}","expired_at":{{_a.Now + 864_000}}}""";

        using var first = await SendAsync(_clientOfA, Endpoint.Alias, key, body);
        using var retry = await SendAsync(_clientOfB, Endpoint.Alias, key, body);

        var created = (await first.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        var replayed = (await retry.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        replayed.GetRawText().Should().Be(created.GetRawText());
        replayed.Text("stream_key").Should().NotBeNull();
    }

    [TestCase("alias/create")]
    [TestCase("jwt_keys")]
    public async Task SameKey_WithADifferentBody_Answers422_AndCreatesNothing(string route)
    {
        var endpoint = route == "jwt_keys" ? Endpoint.JwtKey : Endpoint.Alias;
        var key = NewKey();
        using (var first = await SendAsync(_clientOfA, endpoint, key, endpoint.Body(_a.Now)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var before = await endpoint.CountAsync(_clientOfA);

        using var other = await SendAsync(_clientOfB, endpoint, key, endpoint.Body(_a.Now + 1));

        (await other.ReadErrorAsync(HttpStatusCode.UnprocessableEntity)).Text("message").Should().Contain(Header);
        other.Headers.Contains(Replayed).Should().BeFalse();
        (await endpoint.CountAsync(_clientOfA)).Should().Be(before);
    }

    [Test]
    public async Task SameKey_OnAnotherCreatingEndpoint_Answers422_AndCreatesNothing()
    {
        var key = NewKey();
        using (var alias = await SendAsync(_clientOfA, Endpoint.Alias, key, Endpoint.Alias.Body(_a.Now)))
        {
            alias.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var keysBefore = await Endpoint.ApiKey.CountAsync(_clientOfA);

        using var apiKey = await SendAsync(_clientOfA, Endpoint.ApiKey, key, null);

        await apiKey.ReadErrorAsync(HttpStatusCode.UnprocessableEntity);
        (await Endpoint.ApiKey.CountAsync(_clientOfA)).Should().Be(keysBefore);
    }

    [TestCase("clé-non-ascii")]
    [TestCase("tab\there")]
    [TestCase("line\u007fdelete")]
    [TestCase("256")]
    public async Task InvalidKey_Answers400InTheEnvelope_AndCreatesNothing(string key)
    {
        key = key == "256" ? new string('k', 256) : key;
        var before = await Endpoint.Alias.CountAsync(_clientOfA);

        using var response = await SendAsync(_clientOfA, Endpoint.Alias, key, Endpoint.Alias.Body(_a.Now));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        // Bytes that are no text at all (non-UTF-8, control characters) are refused by the header check that guards
        // every header; the rest by the key's own rule. Either way the 400 names the header.
        error.GetProperty("message").GetString().Should().Contain(Header);
        error.DetailsFor(Header).Should().ContainSingle();
        (await Endpoint.Alias.CountAsync(_clientOfA)).Should().Be(before);
    }

    [Test]
    public async Task TwoKeyHeaders_Answer400InTheEnvelope()
    {
        using var request = Request(Endpoint.Alias, NewKey(), Endpoint.Alias.Body(_a.Now));
        request.Headers.Add(Header, NewKey());

        using var response = await _clientOfA.SendAsync(request);

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor(Header).Should().ContainSingle();
    }

    [TestCase(1)]
    [TestCase(255)]
    public async Task KeyOfAllowedLength_OfEveryPrintableCharacter_IsAcceptedAndReplayed(int length)
    {
        var printable = Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).ToArray();
        var key = new string(Enumerable.Range(0, length).Select(i => printable[(i + RandomNumberGenerator.GetInt32(printable.Length)) % printable.Length]).ToArray());
        var body = Endpoint.Alias.Body(_a.Now);

        using var first = await SendAsync(_clientOfA, Endpoint.Alias, key, body);
        using var retry = await SendAsync(_clientOfA, Endpoint.Alias, key, body);

        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.Headers.GetValues(Replayed).Should().Equal("true");
    }

    [Test]
    public async Task Keys_DifferingOnlyInCase_AreDifferentKeys()
    {
        var key = "Case-" + NewKey();
        var body = Endpoint.Alias.Body(_a.Now);

        using var upper = await SendAsync(_clientOfA, Endpoint.Alias, key.ToUpperInvariant(), body);
        using var lower = await SendAsync(_clientOfA, Endpoint.Alias, key.ToLowerInvariant(), body);

        upper.StatusCode.Should().Be(HttpStatusCode.Created);
        lower.StatusCode.Should().Be(HttpStatusCode.Created);
        lower.Headers.Contains(Replayed).Should().BeFalse("keys compare exactly, on every database");
    }

    [Test]
    public async Task SameKey_InAnotherOrganization_IsAnotherKey()
    {
        var other = await _a.CreateOrganizationAsync("Other");
        using var otherClient = _b.CreateClientFor(other);
        var key = NewKey();
        var body = Endpoint.Alias.Body(_a.Now);

        using var mine = await SendAsync(_clientOfA, Endpoint.Alias, key, body);
        using var theirs = await SendAsync(otherClient, Endpoint.Alias, key, body);

        var myAlias = (await mine.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        var theirAlias = (await theirs.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        theirs.Headers.Contains(Replayed).Should().BeFalse();
        theirAlias.Text("id").Should().NotBe(myAlias.Text("id"));
        (await Endpoint.Alias.CountAsync(otherClient)).Should().Be(1);
    }

    [Test]
    public async Task Retry_WhileTheFirstIsInFlight_Answers409_OnEitherInstance_ThenReplaysOnceItCompletes()
    {
        var key = NewKey();
        var body = Endpoint.Alias.Body(_a.Now);
        var waiting = _gate.ArmAsync();
        var firstCall = SendAsync(_clientOfA, Endpoint.Alias, key, body);
        await waiting;

        using (var sameInstance = await SendAsync(_clientOfA, Endpoint.Alias, key, body))
        using (var otherInstance = await SendAsync(_clientOfB, Endpoint.Alias, key, body))
        {
            (await sameInstance.ReadErrorAsync(HttpStatusCode.Conflict)).Text("message").Should().Contain("being processed");
            await otherInstance.ReadErrorAsync(HttpStatusCode.Conflict);
        }

        _gate.Release();
        using var first = await firstCall;
        using var retry = await SendAsync(_clientOfB, Endpoint.Alias, key, body);

        var firstText = await first.Content.ReadAsStringAsync();
        first.StatusCode.Should().Be(HttpStatusCode.Created, firstText);
        retry.Headers.GetValues(Replayed).Should().Equal("true");
        (await retry.Content.ReadAsStringAsync()).Should().Be(firstText);
        (await Endpoint.Alias.CountAsync(_clientOfA)).Should().Be(1);
    }

    [Test]
    public async Task AFailedRequest_KeepsNothing_SoARetryWithTheSameKeyIsProcessed()
    {
        var key = NewKey();

        using var failed = await SendAsync(_clientOfA, Endpoint.Alias, key, $$"""{"type":"conference","expired_at":{{_a.Now - 10}}}""");
        using var corrected = await SendAsync(_clientOfB, Endpoint.Alias, key, Endpoint.Alias.Body(_a.Now));

        await failed.ReadErrorAsync(HttpStatusCode.BadRequest);
        corrected.StatusCode.Should().Be(HttpStatusCode.Created);
        corrected.Headers.Contains(Replayed).Should().BeFalse();
        (await Endpoint.Alias.CountAsync(_clientOfA)).Should().Be(1);
    }

    [Test]
    public async Task AClaimLeftByAnInstanceThatDied_Answers409_UntilItsLeaseEnds_ThenTheRetryIsProcessed()
    {
        var key = NewKey();
        var body = Endpoint.Alias.Body(_b.Now);

        // An instance claimed the key for this very request and died before answering: nothing was created.
        await using (var scope = _b.Services.CreateAsyncScope())
        {
            var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes($"POST {Endpoint.Alias.Path}\n{body}"));
            var claim = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().ClaimAsync(_organization.Id, key, fingerprint, CancellationToken.None);
            claim.Outcome.Should().Be(IdempotencyOutcome.Claimed);
        }

        using (var during = await SendAsync(_clientOfB, Endpoint.Alias, key, body))
        {
            await during.ReadErrorAsync(HttpStatusCode.Conflict);
        }

        _b.Clock.Advance(IdempotencyStore.InFlightLease + TimeSpan.FromSeconds(1));
        using var after = await SendAsync(_clientOfB, Endpoint.Alias, key, body);
        using var retry = await SendAsync(_clientOfB, Endpoint.Alias, key, body);

        after.StatusCode.Should().Be(HttpStatusCode.Created, await after.Content.ReadAsStringAsync());
        after.Headers.Contains(Replayed).Should().BeFalse();
        retry.Headers.GetValues(Replayed).Should().Equal("true");
        (await Endpoint.Alias.CountAsync(_clientOfB)).Should().Be(1);
    }

    [Test]
    public async Task AfterTwentyFourHours_TheKeyIsForgotten_AndTheSameRequestCreatesAgain()
    {
        var key = NewKey();
        var body = Endpoint.Alias.Body(_a.Now);
        using var first = await SendAsync(_clientOfA, Endpoint.Alias, key, body);
        var firstAlias = (await first.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();

        _a.Clock.Advance(IdempotencyStore.Retention - TimeSpan.FromSeconds(1));
        using (var stillKept = await SendAsync(_clientOfA, Endpoint.Alias, key, body))
        {
            stillKept.Headers.GetValues(Replayed).Should().Equal("true");
        }

        _a.Clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await SendAsync(_clientOfA, Endpoint.Alias, key, body);

        var laterAlias = (await later.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        later.Headers.Contains(Replayed).Should().BeFalse();
        laterAlias.Text("id").Should().NotBe(firstAlias.Text("id"));
    }

    [Test]
    public async Task Pruning_DeletesTheRecordsPastTheirRetention_AndKeepsTheOthers()
    {
        var oldKey = NewKey();
        using (var old = await SendAsync(_clientOfA, Endpoint.Alias, oldKey, Endpoint.Alias.Body(_a.Now)))
        {
            old.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        _a.Clock.Advance(IdempotencyStore.Retention);
        var recentKey = NewKey();
        using (var recent = await SendAsync(_clientOfA, Endpoint.Alias, recentKey, Endpoint.Alias.Body(_a.Now)))
        {
            recent.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        // The hourly background pruning may have run already on the advanced clock; pruning again is harmless.
        await using (var scope = _a.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PruneAsync(CancellationToken.None);
        }

        var keys = (await _storage.ReadAllColumnsAsync())
            .Where(v => v is { Table: "idempotency_records", Column: "Key" })
            .Select(v => Encoding.UTF8.GetString(v.Value))
            .ToList();
        keys.Should().Contain(recentKey).And.NotContain(oldKey);
    }

    private static string NewKey() => "retry-" + Guid.NewGuid().ToString("N");

    private static string Secret(string prefix) => prefix + RandomNumberGenerator.GetHexString(40, lowercase: true);

    private static HttpRequestMessage Request(Endpoint endpoint, string key, string? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Path) { Content = body is null ? null : HttpJson.Body(body) };
        request.Headers.TryAddWithoutValidation(Header, key).Should().BeTrue();
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, string key, string? body)
    {
        using var request = Request(endpoint, key, body);
        return await client.SendAsync(request);
    }

    /// <summary>A creating endpoint: its route, a valid body for a given time (null: none), and how to count what it created.</summary>
    public sealed record Endpoint(string Path, Func<long, string?> Body, Func<HttpClient, Task<int>> CountAsync)
    {
        private static readonly Lazy<string> PublicKeyPem = new(() =>
        {
            using var key = TestKeys.Rsa(2048);
            return key.ExportSubjectPublicKeyInfoPem();
        });

        public static readonly Endpoint Alias = new(
            Routes.Create,
            now => $$"""{"type":"conference","name":"Retried","expired_at":{{now + 864_000}}}""",
            async client =>
            {
                using var response = await client.GetAsync(Routes.List + "?limit=100");
                return (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength();
            });

        public static readonly Endpoint ApiKey = new(
            Routes.ApiKeys,
            _ => null,
            async client =>
            {
                using var response = await client.GetAsync(Routes.ApiKeys);
                return (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength();
            });

        public static readonly Endpoint JwtKey = new(
            Routes.JwtKeys,
            now => JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = $"backend {now}", ["public_key"] = PublicKeyPem.Value }),
            async client =>
            {
                using var response = await client.GetAsync(Routes.JwtKeys + "?limit=100");
                return (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength();
            });

        public override string ToString() => Path;
    }
}
