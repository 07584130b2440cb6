using System.Net;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary><c>POST /organization/api/v1/alias/update/{id}</c>: a partial update (absent = unchanged, null = cleared).</summary>
public sealed class UpdateAliasTests : ServiceTest
{
    private static readonly string Secret32 = new('s', 32);
    private static readonly string OtherSecret32 = new('t', 40);

    private JsonElement _alias;

    private string AliasId => _alias.Text("id")!;

    [SetUp]
    public async Task CreateFullAliasAsync() =>
        _alias = await CreateAliasAsync($$"""
            "name":"Original","passcode":"1234","jwt_secret":"{{Secret32}}","stream_key":"stream-1"
            """);

    [Test]
    public async Task Update_WithEmptyObject_Returns200AndChangesNothing()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("{}"));

        var updated = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        updated.GetRawText().Should().Be(_alias.GetRawText());
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithOneField_ChangesOnlyThatFieldAndAnswersTheWholeAlias()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("""{"name":"Renamed"}"""));

        var updated = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        updated.Text("name").Should().Be("Renamed");
        foreach (var field in HttpJson.AliasFields.Where(f => f != "name"))
        {
            updated.GetProperty(field).GetRawText().Should().Be(_alias.GetProperty(field).GetRawText(), "{0} was not sent", field);
        }

        await ShouldBeStoredAsAsync(updated);
    }

    [Test]
    public async Task Update_WithEveryField_ChangesEveryFieldButIdAndInsertedAt()
    {
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var expiredAt = Factory.Now + 7200;
        var body = $$"""
            {"type":"live","name":"New","passcode":"5678","jwt_secret":"{{OtherSecret32}}","stream_key":"stream-2","expired_at":{{expiredAt}}}
            """;

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body(body));

        var updated = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        updated.Text("id").Should().Be(AliasId);
        updated.Text("type").Should().Be("live");
        updated.Text("name").Should().Be("New");
        updated.Text("passcode").Should().Be("5678");
        updated.Text("jwt_secret").Should().Be(OtherSecret32);
        updated.Text("stream_key").Should().Be("stream-2");
        updated.Number("expired_at").Should().Be(expiredAt);
        updated.Number("inserted_at").Should().Be(_alias.Number("inserted_at"));
        await ShouldBeStoredAsAsync(updated);
    }

    [Test]
    public async Task Update_OfType_MovesTheAliasBetweenTypeFilters()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("""{"type":"live"}"""));

        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("type").Should().Be("live");
        Ids(await ListAllAsync(Client, "type=live")).Should().Equal(AliasId);
        (await ListAllAsync(Client, "type=conference")).Should().BeEmpty();
    }

    [Test]
    public async Task Update_WithNullOptionalFields_ClearsThem()
    {
        var body = """{"name":null,"passcode":null,"jwt_secret":null,"stream_key":null}""";

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body(body));

        var updated = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        foreach (var field in new[] { "name", "passcode", "jwt_secret", "stream_key" })
        {
            updated.GetProperty(field).ValueKind.Should().Be(JsonValueKind.Null, "{0} was sent as null", field);
        }

        updated.Text("type").Should().Be(_alias.Text("type"));
        updated.Number("expired_at").Should().Be(_alias.Number("expired_at"));
        await ShouldBeStoredAsAsync(updated);
    }

    [Test]
    public async Task Update_WithOneFieldNull_ClearsOnlyThatField()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("""{"passcode":null}"""));

        var updated = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        updated.GetProperty("passcode").ValueKind.Should().Be(JsonValueKind.Null);
        updated.Text("name").Should().Be("Original");
        updated.Text("jwt_secret").Should().Be(Secret32);
        updated.Text("stream_key").Should().Be("stream-1");
        await ShouldBeStoredAsAsync(updated);
    }

    [TestCase("type")]
    [TestCase("expired_at")]
    public async Task Update_ClearingAFieldThatCannotBeCleared_Returns400NamingItAndChangesNothing(string field)
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"name":"Changed","{{field}}":null}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor(field);
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithOneInvalidField_Returns400AndLeavesEveryFieldUnchanged()
    {
        var body = """{"name":"Changed","passcode":"5678","jwt_secret":"too short"}""";

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body(body));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("jwt_secret");
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithShortJwtSecret_Returns400WithReason()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"jwt_secret":"{{new string('s', 31)}}"}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("jwt_secret").Should().Contain(r => r.Contains("32 bytes", StringComparison.Ordinal) || r.Contains("256 bits", StringComparison.Ordinal));
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithExpiryInMilliseconds_Returns400WithReason()
    {
        var milliseconds = (Factory.Now + 7200) * 1000;

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"expired_at":{{milliseconds}}}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailsFor("expired_at").Should().Contain(r => r.Contains("seconds, not milliseconds", StringComparison.Ordinal));
        await ShouldBeStoredAsAsync(_alias);
    }

    [TestCase(0)]
    [TestCase(-60)]
    public async Task Update_WithExpiryNowOrInThePast_Returns400AndChangesNothing(long offsetFromNow)
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"expired_at":{{Factory.Now + offsetFromNow}}}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("expired_at");
        await ShouldBeStoredAsAsync(_alias);
    }

    [TestCase("\"Live\"")]
    [TestCase("\"webinar\"")]
    public async Task Update_WithUnknownType_Returns400AndChangesNothing(string type)
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"type":{{type}}}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("type");
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_OfAnExpiredAlias_CanExtendItsExpiry()
    {
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        Factory.Now.Should().BeGreaterThan(_alias.Number("expired_at"), "the alias has expired");
        var extended = Factory.Now + 3600;

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"expired_at":{{extended}}}"""));

        var updated = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        updated.Number("expired_at").Should().Be(extended);
        await ShouldBeStoredAsAsync(updated);
    }

    [Test]
    public async Task Update_WithMisspelledMember_Returns400NamingItAndChangesNothing()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"name":"Changed","expire_at":{{Factory.Now + 7200}}}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal("expire_at");
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithId_Returns400NamingIdAndChangesNothing()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("""{"id":"another-id"}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Equal("id");
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithInsertedAt_Returns400NamingItAndChangesNothing()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("""{"inserted_at":1}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Equal("inserted_at");
        await ShouldBeStoredAsAsync(_alias);
    }

    [TestCase("expired_at", "\"2000000000\"")]
    [TestCase("expired_at", "2000000000.5")]
    [TestCase("type", "1")]
    [TestCase("name", "false")]
    [TestCase("passcode", "1234")]
    [TestCase("jwt_secret", "[]")]
    [TestCase("stream_key", "{}")]
    public async Task Update_WithFieldOfWrongJsonType_Returns400AndChangesNothing(string field, string rawValue)
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"{{field}}":{{rawValue}}}"""));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        await ShouldBeStoredAsAsync(_alias);
    }

    [TestCase("expired_at", "\"2000000000\"")]
    [TestCase("expired_at", "2000000000.5")]
    [TestCase("type", "1")]
    [TestCase("name", "false")]
    [TestCase("passcode", "1234")]
    [TestCase("jwt_secret", "[]")]
    [TestCase("stream_key", "{}")]
    public async Task Update_WithFieldOfWrongJsonType_Returns400NamingTheField(string field, string rawValue)
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body($$"""{"{{field}}":{{rawValue}}}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor(field);
    }

    [TestCase("{\"name\":")]
    [TestCase("name=Changed")]
    [TestCase("[{\"name\":\"Changed\"}]")]
    [TestCase("null")]
    [TestCase("")]
    public async Task Update_WithBodyThatIsNotOneJsonObject_Returns400AndChangesNothing(string body)
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body(body));

        await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithContentTypeOtherThanJson_Returns415AndChangesNothing()
    {
        using var response = await Client.PostAsync(Routes.Update(AliasId), new StringContent("""{"name":"Changed"}""", Encoding.UTF8, "text/plain"));

        await response.ReadErrorAsync(HttpStatusCode.UnsupportedMediaType);
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithBodyOver64KiB_Returns413AndChangesNothing()
    {
        var body = "{\"name\":\"Changed\"" + new string(' ', 64 * 1024) + "}";

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body(body));

        await response.ReadErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_WithChunkedBodyOver64KiB_Returns413AndChangesNothing()
    {
        var body = Encoding.UTF8.GetBytes("{\"name\":\"Changed\"" + new string(' ', 64 * 1024) + "}");
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Update(AliasId)) { Content = new ChunkedContent(body) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await response.ReadErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_OfUnknownId_Returns404Envelope()
    {
        using var response = await Client.PostAsync(Routes.Update("doesNotExist0000"), HttpJson.Body("""{"name":"Changed"}"""));

        (await response.ReadErrorAsync(HttpStatusCode.NotFound)).Text("message").Should().Be("Alias not found");
        await ShouldBeStoredAsAsync(_alias);
    }

    [Test]
    public async Task Update_OfDeletedAlias_Returns404Envelope()
    {
        using (var deleted = await Client.DeleteAsync(Routes.Delete(AliasId)))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await Client.PostAsync(Routes.Update(AliasId), HttpJson.Body("""{"name":"Changed"}"""));

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    private async Task ShouldBeStoredAsAsync(JsonElement expected)
    {
        var stored = (await ListAllAsync(Client)).Single(a => a.Text("id") == expected.Text("id"));
        stored.GetRawText().Should().Be(expected.GetRawText());
    }
}
