using System.Net;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// With the caches on as shipped, a row changed by another connection to the database (another process, an operator)
/// is seen by the very next public retrieval (SQLite: the cache generation of its table, counted by triggers; server
/// databases: no caches without a cross-instance bus). API keys and JWT keys: <see cref="OtherWriterKeyInvalidationTests"/>.
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

    [Test]
    public async Task Revocation_InsertedByAnotherConnection_RefusesTheCachedAliasUsersTokenOnTheNextRetrieval()
    {
        var alias = await CreateTestAliasAsync(jwtSecret: NewSecret());
        var token = AliasToken(alias).WithClaim("user_id", "kicked").Encode();
        using (var before = await RetrieveAsync(alias.Id, token))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Factory.Storage.ExecuteAsync(
            """INSERT INTO "token_revocations" ("Id", "AliasId", "RevokedAt", "UserId") VALUES (@id, @alias, @at, 'kicked')""",
            ("@id", Guid.NewGuid()), ("@alias", alias.Id), ("@at", Factory.Now))).Should().Be(1);

        using var response = await RetrieveAsync(alias.Id, token);
        await ShouldBeRefusedAsync(response, "token_revoked", alias, token);
    }

    private async Task MoveAliasAsync(string from, string to) =>
        (await Factory.Storage.ExecuteAsync("""UPDATE "aliases" SET "Id" = @to WHERE "Id" = @from""", ("@to", to), ("@from", from))).Should().Be(1);
}
