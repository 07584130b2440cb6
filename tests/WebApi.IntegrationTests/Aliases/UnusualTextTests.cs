using System.Net;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Aliases;

/// <summary>
/// One text rule for every text field a client sends: control characters (NUL included), unpaired surrogates,
/// noncharacters and bidirectional controls are refused with a 400 naming the field; names that are blank once
/// whitespace and invisible characters are ignored are refused too. Nothing is stored when a field is refused.
/// </summary>
public sealed class UnusualTextTests : KeyServiceTest
{
    private static readonly string Secret = new('s', 40);

    /// <summary>Each forbidden kind, written as JSON escapes so the request body itself is plain ASCII.</summary>
    private static readonly string[] ForbiddenEscapes =
    [
        @"ab\u0000cd",      // NUL
        @"ab\u0007cd",      // another control character
        @"abcd\u202Etxt",   // right-to-left override
        @"ab\u2066cd",      // left-to-right isolate
        @"abcd\uFFFF",      // noncharacter
        @"ab\uFDD0cd",      // noncharacter
    ];

    private static IEnumerable<TestCaseData> ForbiddenInEveryAliasField() =>
        from field in new[] { "name", "passcode", "stream_key", "jwt_secret" }
        from escaped in ForbiddenEscapes
        select new TestCaseData(field, escaped);

    [TestCaseSource(nameof(ForbiddenInEveryAliasField))]
    public async Task Create_WithForbiddenCharacterInAField_Returns400NamingTheFieldAndCreatesNothing(string field, string escaped)
    {
        var value = field == "jwt_secret" ? escaped + Secret : escaped;

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","{{field}}":"{{value}}","expired_at":{{Factory.Now + 3600}}}"""));

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().Equal(field);
        error.DetailsFor(field).Should().ContainSingle().Which.Should().MatchRegex(@"^must not contain U\+[0-9A-F]{4} \(");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCaseSource(nameof(ForbiddenInEveryAliasField))]
    public async Task Update_WithForbiddenCharacterInAField_Returns400NamingTheFieldAndChangesNothing(string field, string escaped)
    {
        var alias = await CreateAliasAsync("\"name\":\"Before\"");
        var value = field == "jwt_secret" ? escaped + Secret : escaped;

        using var response = await Client.PostAsync(Routes.Update(alias.Text("id")!), HttpJson.Body($$"""{"{{field}}":"{{value}}"}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Equal(field);
        (await ListAllAsync(Client)).Should().ContainSingle().Which.GetRawText()
            .Should().Be(alias.GetRawText());
    }

    [TestCase(@"\uD800")]
    [TestCase(@"ab\uDC00cd")]
    public async Task Create_WithUnpairedSurrogateInName_Returns400NamingTheField(string escaped)
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","name":"{{escaped}}","expired_at":{{Factory.Now + 3600}}}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Equal("name");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [TestCase("    ")]
    [TestCase(@"\u200D")]
    [TestCase(@"\u200B\u200C\u2060")]
    [TestCase(@"\u3000\u00A0")]
    public async Task Create_WithBlankName_Returns400NamingTheName(string escaped)
    {
        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","name":"{{escaped}}","expired_at":{{Factory.Now + 3600}}}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailsFor("name")
            .Should().Equal("must not be blank (only spaces or invisible characters)");
        (await ListAllAsync(Client)).Should().BeEmpty();
    }

    [Test]
    public async Task Create_WithNamesInOtherScriptsAndEmojiSequences_IsAccepted()
    {
        var name = "\u05E9\u05DC\u05D5\u05DD caf\u00E9 \U0001F468\u200D\U0001F469\u200D\U0001F467";

        using var response = await Client.PostAsync(Routes.Create, HttpJson.Body(JsonSerializer.Serialize(
            new Dictionary<string, object> { ["type"] = "conference", ["name"] = name, ["expired_at"] = Factory.Now + 3600 })));

        (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("name").Should().Be(name);
    }

    [TestCase(@"backend\u202E")]
    [TestCase(@"back\u0000end")]
    [TestCase(@"\u200D")]
    [TestCase("   ")]
    public async Task RegisterJwtKey_WithUnusualName_Returns400NamingTheNameAndStoresNothing(string escaped)
    {
        using var key = TestKeys.Ec(256);
        using var response = await PostJwtKeyRawAsync($$"""{"name":"{{escaped}}","public_key":{{JsonSerializer.Serialize(key.ExportSubjectPublicKeyInfoPem())}}}""");

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Equal("name");
        (await ListJwtKeysAsync()).Should().BeEmpty();
    }

    [TestCase(@"user\u0000")]
    [TestCase(@"\u202Euser")]
    [TestCase(@"user\uFFFE")]
    public async Task MintToken_WithUnusualUserId_Returns400NamingUserId(string escaped)
    {
        var alias = await CreateAliasAsync($$"""
            "jwt_secret":"{{Secret}}"
            """);

        using var response = await Client.PostAsync(Routes.MintToken(alias.Text("id")!), HttpJson.Body($$"""{"user_id":"{{escaped}}"}"""));

        (await response.ReadErrorAsync(HttpStatusCode.BadRequest)).DetailFields().Should().Equal("user_id");
    }

    [Test]
    public async Task MintToken_WithUserIdOf256CharactersOutsideTheBasicPlane_IsAccepted()
    {
        // Counted in scalar values like every other field: 256 characters, 512 UTF-16 code units.
        var alias = await CreateAliasAsync($$"""
            "jwt_secret":"{{Secret}}"
            """);
        var userId = string.Concat(Enumerable.Repeat("\U0001F464", 256));

        using var response = await Client.PostAsync(Routes.MintToken(alias.Text("id")!), HttpJson.Body(JsonSerializer.Serialize(new { user_id = userId })));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
