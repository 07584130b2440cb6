using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.AliasAccess.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.AliasAccess;

/// <summary>
/// <c>POST …/alias/{id}/jwt_secret/rotate</c> and <c>POST …/alias/{id}/stream_key/rotate</c> (docs/access-rules.md,
/// "Token lifecycle"): during the overlap tokens of both secrets pass, afterwards only the new secret's (the service's
/// clock is moved, nothing sleeps); the new values are answered, and the alias object keeps its eight members.
/// </summary>
public sealed class SecretRotationTests : AliasAccessTest
{
    private TestAlias _alias = null!;

    [SetUp]
    public async Task CreateTargetAliasAsync() => _alias = await CreateTestAliasAsync(jwtSecret: NewSecret(), passcode: "2468");

    [Test]
    public async Task RotateJwtSecret_BothSecretsPassDuringTheOverlap_OnlyTheNewOneAfter()
    {
        var rotation = await RotateJwtSecretAsync("""{"previous_valid_for":600}""");
        var newSecret = rotation.Text("jwt_secret")!;
        rotation.Number("previous_valid_until").Should().Be(Factory.Now + 600);

        Factory.Clock.Advance(TimeSpan.FromSeconds(599));
        var oldToken = AliasToken(_alias.Id, _alias.Secret).Encode();
        var newToken = AliasToken(_alias.Id, newSecret).Encode();
        using (var old = await RetrieveAsync(_alias.Id, oldToken))
        {
            await ShouldBeViewAsync(old, _alias, ExpectedView.Public);
        }

        using (var fresh = await RetrieveAsync(_alias.Id, newToken))
        {
            await ShouldBeViewAsync(fresh, _alias, ExpectedView.Public);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var afterOld = await RetrieveAsync(_alias.Id, oldToken);
        await ShouldBeRefusedAsync(afterOld, "bad_signature", _alias, oldToken);
        using var afterNew = await RetrieveAsync(_alias.Id, newToken);
        await ShouldBeViewAsync(afterNew, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task RotateJwtSecret_WithoutOverlap_RefusesTheOldSecretAtOnce()
    {
        var oldToken = AliasToken(_alias).Encode();

        var rotation = await RotateJwtSecretAsync("{}");

        rotation.GetProperty("previous_valid_until").ValueKind.Should().Be(JsonValueKind.Null);
        using var response = await RetrieveAsync(_alias.Id, oldToken);
        await ShouldBeRefusedAsync(response, "bad_signature", _alias, oldToken);
    }

    [Test]
    public async Task RotateJwtSecret_Generated_IsLongAndRandomAndTheOwnerViewKeepsItsEightMembers()
    {
        var first = (await RotateJwtSecretAsync("""{"previous_valid_for":60}""")).Text("jwt_secret")!;
        var second = (await RotateJwtSecretAsync("{}")).Text("jwt_secret")!;

        first.Length.Should().BeGreaterThanOrEqualTo(43);
        second.Should().NotBe(first);
        using var owner = await Client.GetAsync(Routes.Retrieve(_alias.Id));
        var alias = (await owner.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope();
        alias.Text("jwt_secret").Should().Be(second);
        (await owner.Content.ReadAsStringAsync()).Should().NotContain(first, "the previous secret is never shown again");
    }

    [Test]
    public async Task RotateJwtSecret_WithAGivenSecret_UsesIt()
    {
        var given = NewSecret();

        var rotation = await RotateJwtSecretAsync(JsonSerializer.Serialize(new { jwt_secret = given }));

        rotation.Text("jwt_secret").Should().Be(given);
        using var response = await RetrieveAsync(_alias.Id, AliasToken(_alias.Id, given).Encode());
        await ShouldBeViewAsync(response, _alias, ExpectedView.Public);
    }

    [Test]
    public async Task UpdateJwtSecret_AfterARotation_EndsTheOverlap()
    {
        var oldToken = AliasToken(_alias).Encode();
        await RotateJwtSecretAsync("""{"previous_valid_for":3600}""");

        using var update = await Client.PostAsync(Routes.Update(_alias.Id), HttpJson.Body(JsonSerializer.Serialize(new { jwt_secret = NewSecret() })));
        update.StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await RetrieveAsync(_alias.Id, oldToken);
        await ShouldBeRefusedAsync(response, "bad_signature", _alias, oldToken);
    }

    [TestCase("""{"previous_valid_for":-1}""", "previous_valid_for")]
    [TestCase("""{"previous_valid_for":604801}""", "previous_valid_for")]
    [TestCase("""{"jwt_secret":"too-short"}""", "jwt_secret")]
    public async Task RotateJwtSecret_WithABadMember_Returns400NamingIt(string body, string member)
    {
        using var response = await Client.PostAsync(Routes.Rotate(_alias.Id, "jwt_secret"), HttpJson.Body(body));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Contain(member);
    }

    [Test]
    public async Task RotateStreamKey_AnswersTheNewKeyAndTheHostViewShowsIt()
    {
        using var response = await Client.PostAsync(Routes.Rotate(_alias.Id, "stream_key"), content: null);
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.GetProperty("data").EnumerateObject().Select(p => p.Name).Should().Equal("stream_key");
        var streamKey = root.GetProperty("data").Text("stream_key")!;

        streamKey.Should().NotBe(_alias.StreamKey).And.HaveLength("live_".Length + 32);
        using var host = await RetrieveAsync(_alias.Id, AliasToken(_alias).WithClaim("host", true).Encode());
        await ShouldBeViewAsync(host, _alias with { StreamKey = streamKey }, ExpectedView.Host);
    }

    [Test]
    public async Task Rotate_AnotherOrganizationsAlias_Returns404()
    {
        var other = await Factory.CreateOrganizationAsync("Other");
        using var otherClient = Factory.CreateClientFor(other);

        using var secret = await otherClient.PostAsync(Routes.Rotate(_alias.Id, "jwt_secret"), HttpJson.Body("{}"));
        using var stream = await otherClient.PostAsync(Routes.Rotate(_alias.Id, "stream_key"), content: null);

        await ShouldBeNotFoundAsync(secret);
        await ShouldBeNotFoundAsync(stream);
    }


    private async Task<JsonElement> RotateJwtSecretAsync(string body)
    {
        using var response = await Client.PostAsync(Routes.Rotate(_alias.Id, "jwt_secret"), HttpJson.Body(body));
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        root.GetProperty("data").EnumerateObject().Select(p => p.Name).Should().Equal("jwt_secret", "previous_valid_until");
        return root.GetProperty("data").Clone();
    }
}
