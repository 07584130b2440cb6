using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Persistence;

/// <summary>
/// Security checklist, "Passcodes, secrets and abuse": passcodes, JWT secrets, stream keys and API secrets are stored
/// encrypted (also inside the responses kept for idempotent retries), so none of them can be read from the stored
/// columns (and on SQLite from the raw database files), yet the owner gets them back after a restart. Each test runs
/// its own service over storage the test owns, so the service can be stopped and the data read directly.
/// </summary>
public sealed class SecretsAtRestTests
{
    private static readonly string[] SqliteFiles = [TestStorage.SqliteFileName, TestStorage.SqliteFileName + "-wal", TestStorage.SqliteFileName + "-shm"];

    private TestStorage _storage = null!;

    [SetUp]
    public void CreateStorage() => _storage = TestStorage.Create();

    [TearDown]
    public async Task DeleteStorageAsync() => await _storage.DisposeAsync();

    [Test]
    public async Task Secrets_AreAbsentFromTheStoredData_WhileTheServiceRuns()
    {
        await using var service = new AliasServiceFactory(_storage);
        var stored = await StoreSecretsAsync(service);

        var data = await ReadStoredDataAsync();

        ShouldHoldNoneOf(data, stored.Secrets);
        ShouldHold(data, stored.Name);
    }

    [Test]
    public async Task Secrets_AreAbsentFromTheStoredData_AfterShutdown()
    {
        StoredSecrets stored;
        await using (var service = new AliasServiceFactory(_storage))
        {
            stored = await StoreSecretsAsync(service);
        }

        var data = await ReadStoredDataAsync();

        ShouldHoldNoneOf(data, stored.Secrets);
        ShouldHold(data, stored.Name);
    }

    [Test]
    public async Task Restart_OnTheSameStorage_AcceptsTheApiKeyAndShowsTheOwnerTheSameSecrets()
    {
        TestOrganization organization;
        JsonElement before;
        await using (var first = new AliasServiceFactory(_storage))
        {
            organization = await first.CreateOrganizationAsync();
            using var created = await first.CreateClientFor(organization).PostAsync(Routes.Create, HttpJson.Body(
                $$"""{"type":"live","name":"Kept","passcode":"{{Random("pc", 20)}}","jwt_secret":"{{Random("js", 40)}}","stream_key":"{{Random("sk", 30)}}","expired_at":{{first.Now + 86_400}}}"""));
            before = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        }

        await using var second = new AliasServiceFactory(_storage);
        using var response = await second.CreateClientFor(organization).GetAsync(Routes.List);

        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        var after = root.GetProperty("entries").EnumerateArray().Single().ShouldBeDataEnvelope();
        after.GetRawText().Should().Be(before.GetRawText());
        after.Text("passcode").Should().NotBeNull();
    }

    private static async Task<StoredSecrets> StoreSecretsAsync(AliasServiceFactory service)
    {
        var organization = await service.CreateOrganizationAsync();
        var client = service.CreateClientFor(organization);
        var name = Random("name-", 24);
        var first = (Passcode: Random("pc", 30), JwtSecret: Random("js", 48), StreamKey: Random("sk", 40));
        var second = (Passcode: Random("pc", 30), JwtSecret: Random("js", 48), StreamKey: Random("sk", 40));

        // With an Idempotency-Key the whole response, secrets included, is also kept for retries.
        using var create = new HttpRequestMessage(HttpMethod.Post, Routes.Create)
        {
            Content = HttpJson.Body($$"""{"type":"conference","name":"{{name}}","passcode":"{{first.Passcode}}","jwt_secret":"{{first.JwtSecret}}","stream_key":"{{first.StreamKey}}","expired_at":{{service.Now + 86_400}}}"""),
        };
        create.Headers.Add("Idempotency-Key", Random("alias-", 16));
        using (var created = await client.SendAsync(create))
        {
            var alias = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
            using var updated = await client.PostAsync(Routes.Update(alias.Text("id")!), HttpJson.Body(
                $$"""{"passcode":"{{second.Passcode}}","jwt_secret":"{{second.JwtSecret}}","stream_key":"{{second.StreamKey}}"}"""));
            (await updated.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("stream_key").Should().Be(second.StreamKey);
        }

        using var createKey = new HttpRequestMessage(HttpMethod.Post, Routes.ApiKeys);
        createKey.Headers.Add("Idempotency-Key", Random("key-", 16));
        using var keyResponse = await client.SendAsync(createKey);
        var keySecret = (await keyResponse.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data").Text("secret")!;

        // The values replaced by the update must not linger in plaintext either (on SQLite: old pages, WAL frames).
        return new StoredSecrets(name, [organization.ApiSecret, keySecret, first.Passcode, first.JwtSecret, first.StreamKey, second.Passcode, second.JwtSecret, second.StreamKey]);
    }

    /// <summary>Every stored column value, as stored; on SQLite also the raw bytes of the database files.</summary>
    private async Task<Dictionary<string, byte[]>> ReadStoredDataAsync()
    {
        var data = (await _storage.ReadAllColumnsAsync())
            .GroupBy(v => $"{v.Table}.{v.Column}")
            .ToDictionary(g => g.Key, g => g.SelectMany(v => v.Value.Append((byte)0)).ToArray(), StringComparer.Ordinal);
        data.Should().ContainKey("idempotency_records.ResponseBody", "the responses kept for retries are part of what is checked");
        if (TestStorage.IsServer)
        {
            return data;
        }

        foreach (var file in SqliteFiles)
        {
            var path = Path.Combine(_storage.DataFolder, file);
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            data["file " + file] = copy.ToArray();
        }

        data.Should().ContainKey("file " + TestStorage.SqliteFileName);
        return data;
    }

    private static void ShouldHoldNoneOf(Dictionary<string, byte[]> data, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            foreach (var (encoding, needle) in Encodings(secret))
            {
                foreach (var (source, bytes) in data)
                {
                    Contains(bytes, needle).Should().BeFalse("a secret must not be readable from {0} ({1})", source, encoding);
                }
            }
        }
    }

    private static void ShouldHold(Dictionary<string, byte[]> data, string plaintext)
    {
        var needle = Encoding.UTF8.GetBytes(plaintext);
        data.Values.Any(bytes => Contains(bytes, needle)).Should().BeTrue("the non-secret name is stored as text, which shows the search itself works");
    }
    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static IEnumerable<(string Encoding, byte[] Bytes)> Encodings(string secret)
    {
        var utf8 = Encoding.UTF8.GetBytes(secret);
        yield return ("UTF-8", utf8);
        yield return ("UTF-16LE", Encoding.Unicode.GetBytes(secret));
        yield return ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(secret));
        yield return ("base64 of UTF-8", Encoding.ASCII.GetBytes(Convert.ToBase64String(utf8).TrimEnd('=')));
        yield return ("base64url of UTF-8", Encoding.ASCII.GetBytes(System.Buffers.Text.Base64Url.EncodeToString(utf8)));
    }

    private static string Random(string prefix, int hexLength) => prefix + RandomNumberGenerator.GetHexString(hexLength, lowercase: true);

    private sealed record StoredSecrets(string Name, IReadOnlyList<string> Secrets);
}
