using System.Net;
using AliasService.Infrastructure.AccessEvents;
using AliasService.Infrastructure.Caching;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// On SQLite the caches notice other writers' commits to the cached tables only: the access-event writer, which
/// commits several times a second under load, must not empty them every time (it did while they watched
/// <c>PRAGMA data_version</c>, which moves on any commit), while a change to an alias still does.
/// </summary>
public sealed class AccessEventCommitsTests : AliasAccessTest
{
    [Test]
    public async Task StoredAccessEvents_LeaveTheCachesAsTheyAre_AnAliasChangeDoesNot()
    {
        var version = Factory.Services.GetService<SqliteDataVersion>();
        if (version is null)
        {
            Assert.Ignore("The file probe exists on SQLite only; server databases cache only with a cross-instance bus.");
        }

        var alias = await CreateTestAliasAsync();
        using (var first = await RetrieveAsync(alias.Id))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        version.Check(_ => { });
        await Factory.Services.GetRequiredService<AccessEventWriter>().FlushAsync();
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Unchanged, "the retrieval's event was stored, but no cached row changed");

        (await Factory.Storage.ExecuteAsync("""UPDATE "aliases" SET "Name" = 'renamed elsewhere' WHERE "Id" = @id""", ("@id", alias.Id))).Should().Be(1);
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Changed);
    }
}
