using System.Net;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// With the caches on as shipped, a row changed by another connection to the database (another process, an operator)
/// is seen by the very next public retrieval (SQLite: the cache generation its triggers count; server databases: no caches without a
/// cross-instance bus).
/// </summary>
public sealed class OtherWriterInvalidationTests : AliasAccessTest
{
    [Test]
    public async Task Retrieval_OfAnIdAnswered404ThatAnotherConnectionThenCreates_Is200()
    {
        var alias = await CreateTestAliasAsync(streamKey: null);
        const string Elsewhere = "movedAway0000000";
        await MoveAliasAsync(alias.Id, Elsewhere);
        using (var missing = await RetrieveAsync(alias.Id))
        {
            await ShouldBeNotFoundAsync(missing);
        }

        await MoveAliasAsync(Elsewhere, alias.Id);

        using var response = await RetrieveAsync(alias.Id);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Delete_ByAnotherConnectionToTheDatabase_NextRetrievalIs404()
    {
        var alias = await CreateTestAliasAsync();
        using (var before = await RetrieveAsync(alias.Id))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Factory.Storage.ExecuteAsync("""DELETE FROM "aliases" WHERE "Id" = @id""", ("@id", alias.Id))).Should().Be(1);

        using var response = await RetrieveAsync(alias.Id);
        await ShouldBeNotFoundAsync(response);
    }

    private async Task MoveAliasAsync(string from, string to) =>
        (await Factory.Storage.ExecuteAsync("""UPDATE "aliases" SET "Id" = @to WHERE "Id" = @from""", ("@to", to), ("@from", from))).Should().Be(1);
}
