using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AliasService.WebApi.IntegrationTests.Persistence;

/// <summary>
/// Security checklist, "Passcodes, secrets and abuse": passcodes, JWT secrets, stream keys and API secrets are stored
/// encrypted, so none of them can be read from the raw database files, yet the owner gets them back after a restart.
/// Each test runs its own service over a data folder the test owns, so the service can be stopped and the files read.
/// </summary>
public sealed class SecretsAtRestTests
{
    private static readonly string[] DatabaseFiles = [AliasServiceFactory.DatabaseFileName, AliasServiceFactory.DatabaseFileName + "-wal", AliasServiceFactory.DatabaseFileName + "-shm"];

    private string _dataFolder = null!;

    [SetUp]
    public void CreateDataFolder() => _dataFolder = Directory.CreateTempSubdirectory("aliasservice-it-rest-").FullName;

    [TearDown]
    public void DeleteDataFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Test]
    public async Task Secrets_AreAbsentFromTheDatabaseFiles_WhileTheServiceRuns()
    {
        await using var service = new AliasServiceFactory(_dataFolder);
        var stored = await StoreSecretsAsync(service);

        var files = ReadDatabaseFiles();

        ShouldHoldNoneOf(files, stored.Secrets);
        ShouldHold(files, stored.Name);
    }

    [Test]
    public async Task Secrets_AreAbsentFromTheDatabaseFiles_AfterShutdown()
    {
        StoredSecrets stored;
        await using (var service = new AliasServiceFactory(_dataFolder))
        {
            stored = await StoreSecretsAsync(service);
        }

        var files = ReadDatabaseFiles();

        ShouldHoldNoneOf(files, stored.Secrets);
        ShouldHold(files, stored.Name);
    }

    [Test]
    public async Task Restart_OnTheSameDataFolder_AcceptsTheApiKeyAndShowsTheOwnerTheSameSecrets()
    {
        TestOrganization organization;
        JsonElement before;
        await using (var first = new AliasServiceFactory(_dataFolder))
        {
            organization = await first.CreateOrganizationAsync();
            using var created = await first.CreateClientFor(organization).PostAsync(Routes.Create, HttpJson.Body(
                $$"""{"type":"live","name":"Kept","passcode":"{{Random("pc", 20)}}","jwt_secret":"{{Random("js", 40)}}","stream_key":"{{Random("sk", 30)}}","expired_at":{{first.Now + 86_400}}}"""));
            before = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
        }

        await using var second = new AliasServiceFactory(_dataFolder);
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

        using (var created = await client.PostAsync(Routes.Create, HttpJson.Body(
                   $$"""{"type":"conference","name":"{{name}}","passcode":"{{first.Passcode}}","jwt_secret":"{{first.JwtSecret}}","stream_key":"{{first.StreamKey}}","expired_at":{{service.Now + 86_400}}}""")))
        {
            var alias = (await created.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope();
            using var updated = await client.PostAsync(Routes.Update(alias.Text("id")!), HttpJson.Body(
                $$"""{"passcode":"{{second.Passcode}}","jwt_secret":"{{second.JwtSecret}}","stream_key":"{{second.StreamKey}}"}"""));
            (await updated.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("stream_key").Should().Be(second.StreamKey);
        }

        // The values replaced by the update must not linger in plaintext either (old pages, WAL frames).
        return new StoredSecrets(name, [organization.ApiSecret, first.Passcode, first.JwtSecret, first.StreamKey, second.Passcode, second.JwtSecret, second.StreamKey]);
    }

    private Dictionary<string, byte[]> ReadDatabaseFiles()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in DatabaseFiles)
        {
            var path = Path.Combine(_dataFolder, file);
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[file] = copy.ToArray();
        }

        files.Should().ContainKey(AliasServiceFactory.DatabaseFileName);
        return files;
    }

    private static void ShouldHoldNoneOf(Dictionary<string, byte[]> files, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            foreach (var (encoding, needle) in Encodings(secret))
            {
                foreach (var (file, bytes) in files)
                {
                    Contains(bytes, needle).Should().BeFalse("a secret must not be readable from {0} ({1})", file, encoding);
                }
            }
        }
    }

    private static void ShouldHold(Dictionary<string, byte[]> files, string plaintext)
    {
        var needle = Encoding.UTF8.GetBytes(plaintext);
        files.Values.Any(bytes => Contains(bytes, needle)).Should().BeTrue("the non-secret name is stored as text, which shows the search itself works");
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
