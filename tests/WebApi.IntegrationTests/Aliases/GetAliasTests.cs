using System.Net;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary><c>GET /organization/api/v1/alias/{id}</c>: the owner read (docs/api.md, and the worked example of docs/contributing.md).</summary>
public sealed class GetAliasTests : ServiceTest
{
    private const string Secrets = """
        "name":"Town hall","passcode":"4321","jwt_secret":"a-jwt-secret-of-at-least-32-bytes!!","stream_key":"stream-1"
        """;

    [Test]
    public async Task Get_OfOwnAlias_Returns200WithTheOwnerViewIncludingSecrets()
    {
        var created = await CreateAliasAsync(Secrets);

        using var response = await Client.GetAsync(Routes.Get(created.Text("id")!));

        var alias = (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        alias.ShouldBeAliasObject();
        alias.GetRawText().Should().Be(created.GetRawText());
        alias.Text("passcode").Should().Be("4321");
        alias.Text("jwt_secret").Should().Be("a-jwt-secret-of-at-least-32-bytes!!");
        alias.Text("stream_key").Should().Be("stream-1");
    }

    [Test]
    public async Task Get_OfOwnAlias_SendsTheSameETagAsTheCreate()
    {
        using var create = await Client.PostAsync(Routes.Create, HttpJson.Body($$"""{"type":"live","expired_at":{{Factory.Now + 3600}}}"""));
        var id = (await create.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;

        using var response = await Client.GetAsync(Routes.Get(id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().NotBeNull();
        response.Headers.ETag!.Tag.Should().Be(create.Headers.ETag!.Tag);
    }

    [Test]
    public async Task Get_OfOwnExpiredAlias_Returns200()
    {
        var created = await CreateAliasAsync(Secrets);
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        using var response = await Client.GetAsync(Routes.Get(created.Text("id")!));

        (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().GetRawText().Should().Be(created.GetRawText());
    }

    [Test]
    public async Task Get_OfAnotherOrganizationsAlias_Returns404LikeAMissingOne()
    {
        var other = await Factory.CreateOrganizationAsync("Other Corp");
        var foreign = await CreateAliasAsync(Factory.CreateClientFor(other), Secrets);

        using var response = await Client.GetAsync(Routes.Get(foreign.Text("id")!));

        var error = await response.ReadErrorAsync(HttpStatusCode.NotFound);
        error.Text("message").Should().Be("Alias not found");
        error.ToString().Should().NotContain("4321").And.NotContain("stream-1");
    }

    [Test]
    public async Task Get_OfUnknownId_Returns404AliasNotFound()
    {
        using var response = await Client.GetAsync(Routes.Get("doesNotExist0000"));

        (await response.ReadErrorAsync(HttpStatusCode.NotFound)).Text("message").Should().Be("Alias not found");
    }

    [TestCase("x")]
    [TestCase("' OR '1'='1")]
    [TestCase("doesNotExist00000")]
    public async Task Get_OfMalformedId_Returns404Envelope(string id)
    {
        using var response = await Client.GetAsync(Routes.Get(id));

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_WithoutToken_Returns401MissingToken()
    {
        var created = await CreateAliasAsync(Secrets);

        using var response = await Factory.CreateClient().GetAsync(Routes.Get(created.Text("id")!));

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        error.Text("reason").Should().Be("missing_token");
        error.ToString().Should().NotContain("4321");
    }

    [Test]
    public async Task Get_WithTheLiteralCreate_StaysAMethodNotAllowed()
    {
        using var response = await Client.GetAsync(Routes.Create);

        await response.ReadErrorAsync(HttpStatusCode.MethodNotAllowed);
    }
}
