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
        var created = await CreateApiKeyAsync();
        var token = Factory.OrganizationToken(WithApiKey(Organization, created));
        for (var i = 0; i < 2; i++)
        {
            // The first use also records it (a write that drops the key), so the second is the one that caches it.
            using var before = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token);
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Factory.Storage.ExecuteAsync(
            """UPDATE "api_keys" SET "RevokedAt" = @at WHERE "Id" = @id""", ("@at", Factory.Now), ("@id", created.Text("id")!))).Should().Be(1);
        await CreateAliasAsync();

        using var after = await SendWithTokenAsync(HttpMethod.Get, Routes.List, token);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }

    [Test]
    public async Task JwtKey_DeletedByAnotherConnection_ItsCachedTokensGet401OnTheNextRequest()
    {
        var alias = await CreateAliasAsync();
        using var rsa = TestKeys.FreshRsa();
        var key = await RegisterJwtKeyAsync(rsa.ExportSubjectPublicKeyInfoPem());
        var token = AsymmetricJwt.ForAlias("RS256", key.Text("id"), alias.Text("id")!, Factory.Now).SignRsaPkcs1(rsa);
        using (var before = await RetrieveAsync(alias.Text("id")!, token))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Factory.Storage.ExecuteAsync("""DELETE FROM "jwt_keys" WHERE "Id" = @id""", ("@id", key.Text("id")!))).Should().Be(1);
        await CreateAliasAsync();

        using var after = await RetrieveAsync(alias.Text("id")!, token);
        (await ShouldBeRefusedAsync(after)).Should().Be("unknown_key");
    }
}
