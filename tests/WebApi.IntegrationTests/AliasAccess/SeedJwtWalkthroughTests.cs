using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// The "retrieve an alias with a JWT" walkthrough of the original product documents, step by step: create a private alias with a
/// jwt_secret, sign its claims with an independent HS256 implementation, retrieve, and compare with the
/// walkthrough's example response text.
/// </summary>
public sealed class SeedJwtWalkthroughTests : AliasAccessTest
{
    [Test]
    public async Task Retrieve_WithTheSeedClaimsSignedHs256_ReturnsExactlyTheSeedResponseShape()
    {
        var secret = NewSecret();
        var expiredAt = Factory.Now + 86_400;
        var insertedAt = Factory.Now;
        var id = await CreateSeedAliasAsync(secret, expiredAt);

        // Step 2: the walkthrough's claims, in its order; iat is what Joken (the Elixir library it uses) adds, and what
        // expires_in ("seconds from issuance") counts from.
        var token = new TestJwt()
            .WithHeader("alg", "HS256")
            .WithHeader("typ", "JWT")
            .WithClaim("alias", id)
            .WithClaim("user_id", "user456xxyz")
            .WithClaim("host", true)
            .WithClaim("expires_in", 3600)
            .WithClaim("iat", Factory.Now)
            .SignedHs256(secret)
            .Encode();

        // Step 3.
        using var response = await RetrieveAsync(id, token);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        using var document = JsonDocument.Parse(text);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        document.RootElement.GetProperty("data").EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "type", "name", "passcode", "jwt_secret", "stream_key", "expired_at", "inserted_at");
        text.Should().Be(
            $$$"""{"data":{"id":"{{{id}}}","type":"conference","name":"Private Alias Name","passcode":null,"jwt_secret":null,"stream_key":null,"expired_at":{{{expiredAt}}},"inserted_at":{{{insertedAt}}}}}""");
    }

    [Test]
    public async Task Retrieve_SeedAliasWithoutToken_Returns401WithTheSeedMessage()
    {
        var id = await CreateSeedAliasAsync(NewSecret(), Factory.Now + 86_400);

        using var response = await RetrieveAsync(id);

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        error.Text("message").Should().Be("UNAUTHORIZED");
        Challenge(response).Should().Be(Realm);
    }

    [Test]
    public async Task Retrieve_SeedAliasWithTokenSignedByAnotherSecret_Returns401WithTheSeedMessage()
    {
        var id = await CreateSeedAliasAsync(NewSecret(), Factory.Now + 86_400);
        var token = AliasToken(id, NewSecret()).WithClaim("host", true).Encode();

        using var response = await RetrieveAsync(id, token);

        var error = await response.ReadErrorAsync(HttpStatusCode.Unauthorized);
        error.Text("message").Should().Be("UNAUTHORIZED");
        Challenge(response).Should().StartWith(Realm + ", error=\"invalid_token\"");
    }

    [Test]
    public async Task Retrieve_UnknownSeedAliasId_ReturnsExactlyTheSeed404Body()
    {
        using var response = await RetrieveAsync("priva");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"error":{"message":"Alias not found"}}""");
    }

    /// <summary>Step 1, with the walkthrough's example request body (only the secret long enough for HS256 and the expiry in the future).</summary>
    private async Task<string> CreateSeedAliasAsync(string secret, long expiredAt)
    {
        var body = $$"""
            {
              "type": "conference",
              "name": "Private Alias Name",
              "jwt_secret": "{{secret}}",
              "expired_at": {{expiredAt}}
            }
            """;
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(body));
        var alias = (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        alias.Text("jwt_secret").Should().Be(secret, "the owner sees the secret it set");
        return alias.Text("id")!;
    }
}
