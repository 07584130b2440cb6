using System.Net;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary>
/// The alias's <c>ETag</c> (its concurrency version) on create, update and the owner's read, and <c>If-Match</c> on
/// update for clients that want strict optimistic concurrency: a stale tag is a 412 in the envelope and changes nothing.
/// </summary>
public sealed class ConditionalUpdateTests : ServiceTest
{
    [Test]
    public async Task Create_ReturnsAStrongETag()
    {
        using var response = await PostCreateAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        ETagOf(response).Should().MatchRegex("^\"[0-9a-f]{32}\"$");
    }

    [Test]
    public async Task Update_ReturnsANewETag()
    {
        var (id, created) = await CreateWithETagAsync();

        using var response = await Client.PostAsync(Routes.Update(id), HttpJson.Body("""{"name":"renamed"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ETagOf(response).Should().NotBeNull().And.NotBe(created);
    }

    [Test]
    public async Task OwnerRead_ReturnsTheETagOfTheLastChange()
    {
        var (id, _) = await CreateWithETagAsync();
        using var updated = await Client.PostAsync(Routes.Update(id), HttpJson.Body("""{"name":"renamed"}"""));

        using var read = await Client.GetAsync(Routes.Retrieve(id));

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        ETagOf(read).Should().Be(ETagOf(updated));
    }

    [Test]
    public async Task PublicRead_HasNoETag()
    {
        var (id, _) = await CreateWithETagAsync();

        using var read = await Factory.CreateClient().GetAsync(Routes.Retrieve(id));

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag.Should().BeNull();
    }

    [Test]
    public async Task Update_WithTheCurrentETagInIfMatch_Updates()
    {
        var (id, etag) = await CreateWithETagAsync();

        using var response = await UpdateAsync(id, """{"name":"renamed"}""", etag);

        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("name").Should().Be("renamed");
    }

    [Test]
    public async Task Update_WithAStaleETagInIfMatch_Returns412EnvelopeAndChangesNothing()
    {
        var (id, stale) = await CreateWithETagAsync();
        using var first = await UpdateAsync(id, """{"name":"first"}""", stale);
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = await UpdateAsync(id, """{"stream_key":"second"}""", stale);

        (await second.ReadErrorAsync(HttpStatusCode.PreconditionFailed)).Text("message").Should().Contain("If-Match");
        var alias = await ReadAsOwnerAsync(id);
        alias.Text("name").Should().Be("first");
        alias.GetProperty("stream_key").GetString().Should().BeNull();
    }

    [TestCase("*")]
    public async Task Update_WithIfMatchAny_Updates(string ifMatch)
    {
        var (id, _) = await CreateWithETagAsync();

        using var response = await UpdateAsync(id, """{"name":"renamed"}""", ifMatch);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Update_WithTheCurrentETagAmongSeveral_Updates()
    {
        var (id, etag) = await CreateWithETagAsync();

        using var response = await UpdateAsync(id, """{"name":"renamed"}""", $"\"{new string('0', 32)}\", {etag}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("weak")]
    [TestCase("unquoted")]
    [TestCase("garbage")]
    public async Task Update_WithAnIfMatchThatNamesNoCurrentVersion_Returns412(string kind)
    {
        var (id, etag) = await CreateWithETagAsync();
        var ifMatch = kind switch
        {
            "weak" => "W/" + etag,
            "unquoted" => etag.Trim('"'),
            _ => "not an entity tag",
        };

        using var response = await UpdateAsync(id, """{"name":"renamed"}""", ifMatch);

        await response.ReadErrorAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Update_WithIfMatchOfAMissingAlias_Returns404()
    {
        using var response = await UpdateAsync("AAAAAAAAAAAAAAAA", """{"name":"renamed"}""", "*");

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> PostCreateAsync() =>
        Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"conference","expired_at":{{Factory.Now + 86_400}}}"""));

    private async Task<(string Id, string ETag)> CreateWithETagAsync()
    {
        using var response = await PostCreateAsync();
        var alias = (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        return (alias.Text("id")!, ETagOf(response)!);
    }

    private async Task<HttpResponseMessage> UpdateAsync(string id, string body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Update(id)) { Content = HttpJson.Body(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch).Should().BeTrue();
        return await Client.SendAsync(request);
    }

    private async Task<System.Text.Json.JsonElement> ReadAsOwnerAsync(string id)
    {
        using var response = await Client.GetAsync(Routes.Retrieve(id));
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
    }

    private static string? ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.Single() : null;
}
