using System.Net;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary><c>POST /organization/api/v1/alias/create</c> (docs/api.md, "The alias object", "Routes").</summary>
public sealed class CreateAliasTests : ServiceTest
{
    private const long MaxBodyBytes = 64 * 1024;

    private static readonly string Secret32 = new('s', 32);

    [Test]
    public async Task Create_WithEveryField_Returns201WithOwnerViewOfEveryField()
    {
        var expiredAt = Factory.Now + 3600;
        var body = $$"""
            {"type":"live","name":"Team Sync","passcode":"1234","jwt_secret":"{{Secret32}}","stream_key":"live_sk_1","expired_at":{{expiredAt}}}
            """;

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var alias = (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        alias.Text("type").Should().Be("live");
        alias.Text("name").Should().Be("Team Sync");
        alias.Text("passcode").Should().Be("1234");
        alias.Text("jwt_secret").Should().Be(Secret32);
        alias.Text("stream_key").Should().Be("live_sk_1");
        alias.Number("expired_at").Should().Be(expiredAt);
        alias.Number("inserted_at").Should().Be(Factory.Now);
    }

    [Test]
    public async Task Create_WithOnlyRequiredFields_Returns201WithEveryFieldInContractOrderAndNullsWritten()
    {
        var expiredAt = Factory.Now + 3600;

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"conference","expired_at":{{expiredAt}}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().MatchRegex(
            "^\\{\"data\":\\{\"id\":\"[A-Za-z0-9_-]+\",\"type\":\"conference\",\"name\":null,\"passcode\":null,\"jwt_secret\":null,"
            + $"\"stream_key\":null,\"expired_at\":{expiredAt},\"inserted_at\":{Factory.Now}\\}}\\}}$");
    }

    [Test]
    public async Task Create_AssignsDistinctUrlSafeIdsOfAtLeast72Bits()
    {
        var first = await CreateAliasAsync();
        var second = await CreateAliasAsync();

        foreach (var id in new[] { first.Text("id"), second.Text("id") })
        {
            // 72 bits are at least 12 base64url characters.
            id.Should().MatchRegex("^[A-Za-z0-9_-]{12,}$");
        }

        first.Text("id").Should().NotBe(second.Text("id"));
    }

    [Test]
    public async Task Create_StoresTheAliasAsAnswered()
    {
        var created = await CreateAliasAsync("\"name\":\"Stored\",\"passcode\":\"9876\",\"stream_key\":\"k\"", type: "live");

        var listed = await ListAllAsync(Client);

        listed.Should().ContainSingle();
        listed[0].GetRawText().Should().Be(created.GetRawText());
    }

    [Test]
    public async Task Create_WithClientChosenId_Returns400NamingIdAndCreatesNothing()
    {
        var body = $$"""{"id":"my-own-id","type":"conference","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("id");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithoutType_Returns400NamingType()
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"expired_at":{{Factory.Now + 3600}}}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("type");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("null")]
    [TestCase("\"Conference\"")]
    [TestCase("\"LIVE\"")]
    [TestCase("\" live\"")]
    [TestCase("\"webinar\"")]
    [TestCase("\"\"")]
    public async Task Create_WithTypeOtherThanConferenceOrLive_Returns400NamingType(string type)
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":{{type}},"expired_at":{{Factory.Now + 3600}}}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("type");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithoutExpiredAt_Returns400NamingExpiredAt()
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body("""{"type":"conference"}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("expired_at");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-86_400)]
    public async Task Create_WithExpiryNowOrInThePast_Returns400NamingExpiredAt(long offsetFromNow)
    {
        var body = $$"""{"type":"conference","expired_at":{{Factory.Now + offsetFromNow}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("expired_at");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithExpiryOneSecondAhead_IsAccepted()
    {
        var body = $$"""{"type":"conference","expired_at":{{Factory.Now + 1}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Number("expired_at").Should().Be(Factory.Now + 1);
    }

    [Test]
    public async Task Create_WithExpiryInMilliseconds_Returns400WithReason()
    {
        var milliseconds = (Factory.Now + 3600) * 1000;

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"conference","expired_at":{{milliseconds}}}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("expired_at").Should().Contain(r => r.Contains("seconds, not milliseconds", StringComparison.Ordinal));
        error.Text("message").Should().Contain("seconds, not milliseconds");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithExpiryOf10To11_IsTakenAsSeconds()
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body("""{"type":"conference","expired_at":100000000000}"""));

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Number("expired_at").Should().Be(100_000_000_000);
    }

    [Test]
    public async Task Create_WithExpiryJustAbove10To11_Returns400WithReason()
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body("""{"type":"conference","expired_at":100000000001}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("expired_at").Should().Contain(r => r.Contains("seconds, not milliseconds", StringComparison.Ordinal));
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithJwtSecretShorterThan32Bytes_Returns400WithReason()
    {
        var body = $$"""{"type":"conference","jwt_secret":"{{new string('s', 31)}}","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("jwt_secret").Should().Contain(r => r.Contains("32 bytes", StringComparison.Ordinal) || r.Contains("256 bits", StringComparison.Ordinal));
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithJwtSecret_CountsUtf8BytesNotCharacters()
    {
        // 15 two-byte characters and one one-byte character: 16 characters, 31 bytes in UTF-8.
        var shortInBytes = new string('é', 15) + "a";
        // 16 two-byte characters: 16 characters, 32 bytes in UTF-8.
        var longEnoughInBytes = new string('é', 16);

        using var refused = await Client.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","jwt_secret":"{{shortInBytes}}","expired_at":{{Factory.Now + 3600}}}"""));
        using var accepted = await Client.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","jwt_secret":"{{longEnoughInBytes}}","expired_at":{{Factory.Now + 3600}}}"""));

        (await refused.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("jwt_secret");
        (await accepted.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("jwt_secret").Should().Be(longEnoughInBytes);
    }

    [TestCase("name", 1)]
    [TestCase("name", 200)]
    [TestCase("passcode", 4)]
    [TestCase("passcode", 64)]
    [TestCase("jwt_secret", 32)]
    [TestCase("jwt_secret", 512)]
    [TestCase("stream_key", 1)]
    [TestCase("stream_key", 256)]
    public async Task Create_WithFieldAtItsLengthLimit_IsAccepted(string field, int length)
    {
        var value = new string('x', length);
        var body = $$"""{"type":"conference","{{field}}":"{{value}}","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text(field).Should().Be(value);
    }

    [TestCase("name", 0)]
    [TestCase("name", 201)]
    [TestCase("passcode", 3)]
    [TestCase("passcode", 65)]
    [TestCase("jwt_secret", 513)]
    [TestCase("stream_key", 257)]
    public async Task Create_WithFieldOutsideItsLengthLimits_Returns400NamingItAndCreatesNothing(string field, int length)
    {
        var body = $$"""{"type":"conference","{{field}}":"{{new string('x', length)}}","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal(field);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithSeveralInvalidFields_NamesEveryOne()
    {
        var body = $$"""{"type":"conference","name":"","passcode":"1","jwt_secret":"short","stream_key":"{{new string('k', 257)}}","expired_at":{{Factory.Now - 1}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().BeEquivalentTo("name", "passcode", "jwt_secret", "stream_key", "expired_at");
    }

    [Test]
    public async Task Create_WithMisspelledExpiredAt_Returns400NamingTheUnknownMemberAndCreatesNothing()
    {
        var body = $$"""{"type":"conference","expire_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("expire_at");
        error.Text("message").Should().Contain("expire_at");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithSeveralUnknownMembers_NamesEveryOneAndCreatesNothing()
    {
        // Member names are exact: "Type" and "jwtSecret" are not "type" and "jwt_secret".
        var body = $$"""{"type":"conference","expired_at":{{Factory.Now + 3600}},"Type":"live","jwtSecret":"{{Secret32}}","extra":[1] }""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().BeEquivalentTo("Type", "jwtSecret", "extra");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("expired_at", "\"2000000000\"")]
    [TestCase("expired_at", "2000000000.5")]
    [TestCase("expired_at", "2e9")]
    [TestCase("expired_at", "true")]
    [TestCase("expired_at", "1e30")]
    [TestCase("type", "5")]
    [TestCase("type", "[\"live\"]")]
    [TestCase("name", "123")]
    [TestCase("passcode", "1234")]
    [TestCase("jwt_secret", "{}")]
    [TestCase("stream_key", "false")]
    public async Task Create_WithFieldOfWrongJsonType_Returns400NamingTheField(string field, string rawValue)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = "\"conference\"",
            ["expired_at"] = (Factory.Now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [field] = rawValue,
        };
        var body = "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor(field);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithDuplicateMember_Returns400AndCreatesNothing()
    {
        var body = $$"""{"type":"conference","type":"live","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("{\"type\":\"conference\",")]
    [TestCase("{type: 'conference'}")]
    [TestCase("not json")]
    [TestCase("{\"type\":\"conference\"}}")]
    [TestCase("[]")]
    [TestCase("null")]
    [TestCase("\"conference\"")]
    public async Task Create_WithBodyThatIsNotOneJsonObject_Returns400(string body)
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("comment")]
    [TestCase("trailing comma")]
    [TestCase("deep nesting")]
    [TestCase("single quotes")]
    public async Task Create_WithJsonExtensionOrExcessiveNesting_Returns400AndCreatesNothing(string variant)
    {
        var expiry = Factory.Now + 3600;
        var body = variant switch
        {
            "comment" => $$"""{"type":"conference", /* note */ "expired_at":{{expiry}}}""",
            "trailing comma" => $$"""{"type":"conference","expired_at":{{expiry}},}""",
            "deep nesting" => $$"""{"type":"conference","expired_at":{{expiry}},"x":{{new string('[', 500)}}{{new string(']', 500)}}}""",
            _ => $$"""{'type':'conference','expired_at':{{expiry}}}""",
        };

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithInvalidUtf8InAString_Returns400AndCreatesNothing()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"type":"conference","expired_at":{{Factory.Now + 3600}},"name":"ab"}""").ToList();
        bytes.InsertRange(bytes.Count - 3, new byte[] { 0xFF, 0xFE });
        var content = new ByteArrayContent(bytes.ToArray()) { Headers = { ContentType = new("application/json") } };

        using var response = await Client.PostAsync(Routes.Create, content);

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("name")]
    [TestCase("passcode")]
    [TestCase("stream_key")]
    public async Task Create_WithLoneSurrogateEscapeInAString_Returns400NamingTheField(string field)
    {
        var body = $$"""{"type":"conference","expired_at":{{Factory.Now + 3600}},"{{field}}":"abc\ud800def"}""";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor(field);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithUtf16Body_IsAccepted()
    {
        var body = $$"""{"type":"conference","name":"Café ☕","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, new StringContent(body, Encoding.Unicode, "application/json"));

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("name").Should().Be("Café ☕");
    }

    [Test]
    public async Task Create_WithEmptyBody_Returns400()
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(string.Empty));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data")]
    public async Task Create_WithContentTypeOtherThanJson_Returns415(string mediaType)
    {
        var body = $$"""{"type":"conference","expired_at":{{Factory.Now + 3600}}}""";

        using var response = await Client.PostAsync(Routes.Create, new StringContent(body, Encoding.UTF8, mediaType));

        await response.ReadErrorAsync(HttpStatusCode.UnsupportedMediaType);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithoutContentType_Returns415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"type":"conference","expired_at":{{Factory.Now + 3600}}}"""));

        using var response = await Client.PostAsync(Routes.Create, content);

        await response.ReadErrorAsync(HttpStatusCode.UnsupportedMediaType);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithJsonContentTypeWithoutCharset_IsAccepted()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"type":"conference","expired_at":{{Factory.Now + 3600}}}"""));
        content.Headers.ContentType = new("application/json");

        using var response = await Client.PostAsync(Routes.Create, content);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
    public async Task Create_WithBodyOfExactly64KiB_IsAccepted()
    {
        using var response = await Client.PostAsync(Routes.Create, new ByteArrayContent(PaddedBody(MaxBodyBytes)) { Headers = { ContentType = new("application/json") } });

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    [Test]
    public async Task Create_WithBodyOver64KiBAndContentLength_Returns413AndCreatesNothing()
    {
        var content = new ByteArrayContent(PaddedBody(MaxBodyBytes + 1)) { Headers = { ContentType = new("application/json") } };

        using var response = await Client.PostAsync(Routes.Create, content);

        response.Content.Headers.ContentLength.Should().BeGreaterThan(0);
        await response.ReadErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithChunkedBodyOver64KiB_Returns413AndCreatesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new ChunkedContent(PaddedBody(MaxBodyBytes + 1)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await response.ReadErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithChunkedBodyUnder64KiB_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new ChunkedContent(PaddedBody(MaxBodyBytes - 1024)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
    }

    /// <summary>A valid create body padded with insignificant whitespace to exactly <paramref name="size"/> bytes.</summary>
    private byte[] PaddedBody(long size)
    {
        var head = "{\"type\":\"conference\",";
        var tail = $"\"expired_at\":{Factory.Now + 3600}}}";
        var body = head + new string(' ', (int)size - head.Length - tail.Length) + tail;
        var bytes = Encoding.UTF8.GetBytes(body);
        bytes.LongLength.Should().Be(size);
        using var check = JsonDocument.Parse(bytes);
        return bytes;
    }
}
