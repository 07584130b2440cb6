using System.Net;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary><c>DELETE /organization/api/v1/alias/delete/{id}</c>.</summary>
public sealed class DeleteAliasTests : ServiceTest
{
    [Test]
    public async Task Delete_OfOwnAlias_Returns200WithExactMessageBody()
    {
        var alias = await CreateAliasAsync();

        using var response = await Client.DeleteAsync(Routes.Delete(alias.Text("id")!));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"Alias deleted successfully."}""");
    }

    [Test]
    public async Task Delete_RemovesOnlyThatAliasFromTheListing()
    {
        var kept = await CreateAliasAsync("\"name\":\"kept\"");
        var deleted = await CreateAliasAsync("\"name\":\"deleted\"");

        using var response = await Client.DeleteAsync(Routes.Delete(deleted.Text("id")!));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var remaining = await ListAllAsync(Client);
        remaining.Should().ContainSingle();
        remaining[0].GetRawText().Should().Be(kept.GetRawText());
    }

    [Test]
    public async Task Delete_Twice_SecondReturns404Envelope()
    {
        var alias = await CreateAliasAsync();
        using (var first = await Client.DeleteAsync(Routes.Delete(alias.Text("id")!)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var second = await Client.DeleteAsync(Routes.Delete(alias.Text("id")!));

        (await second.ReadErrorAsync(HttpStatusCode.NotFound)).Text("message").Should().Be("Alias not found");
    }

    [TestCase("doesNotExist0000")]
    [TestCase("x")]
    [TestCase("' OR '1'='1")]
    [TestCase("..%2F..%2Fetc")]
    public async Task Delete_OfUnknownId_Returns404EnvelopeAndDeletesNothing(string id)
    {
        var alias = await CreateAliasAsync();

        using var response = await Client.DeleteAsync(Routes.Delete(id));

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
        Ids(await ListAllAsync(Client)).Should().Equal(alias.Text("id"));
    }

    [Test]
    public async Task Delete_OfExpiredAlias_Returns200()
    {
        var alias = await CreateAliasAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        using var response = await Client.DeleteAsync(Routes.Delete(alias.Text("id")!));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Delete_WithoutId_Returns404EnvelopeAndDeletesNothing()
    {
        var alias = await CreateAliasAsync();

        using var response = await Client.DeleteAsync("/organization/api/v1/alias/delete/");

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
        Ids(await ListAllAsync(Client)).Should().Equal(alias.Text("id"));
    }
}
