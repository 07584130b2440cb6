using System.Net;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// With the caches on as shipped, an API key revoked or a JWT key deleted by another connection to the database (the
/// command line, an operator) is refused on the very next request, also while aliases are being created (each of
/// those commits moves only the aliases' generation, which must not hide the keys' own).
/// </summary>
public sealed class OtherWriterKeyInvalidationTests : KeyServiceTest
{
    [Test]
    public async Task ApiKey_RevokedByAnotherConnection_ItsCachedTokenGets401OnTheNextRequest()
    {
        var (created, token) = await CachedApiKeyTokenAsync();

        (await Factory.Storage.ExecuteAsync(
            """UPDATE "api_keys" SET "RevokedAt" = @at WHERE "Id" = @id""", ("@at", Factory.Now), ("@id", created.Text("id")!))).Should().Be(1);
        await CreateAliasAsync();

        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }

    [Test]
    public async Task JwtKey_DeletedByAnotherConnection_ItsCachedTokensGet401OnTheNextRequest()
    {
        var (aliasId, keyId, token) = await CachedJwtKeyTokenAsync();

        (await Factory.Storage.ExecuteAsync("""DELETE FROM "jwt_keys" WHERE "Id" = @id""", ("@id", keyId))).Should().Be(1);
        await CreateAliasAsync();

        using var after = await RetrieveAsync(aliasId, token);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }
}
