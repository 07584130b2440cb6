using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Persistence;

/// <summary>
/// Where the Data Protection key ring that encrypts stored secrets lives: with a server database, in its
/// <c>DataProtectionKeys</c> table, so two instances with different data folders decrypt each other's secrets (and, with
/// <c>DataProtection:CertificatePath</c>, the keys are stored encrypted); with SQLite, in the data folder.
/// </summary>
public sealed class KeyRingTests
{
    private TestStorage _storage = null!;
    private TestStorage _storageOfB = null!;

    [SetUp]
    public void CreateStorage()
    {
        _storage = TestStorage.Create();
        _storageOfB = _storage.SharingTheDatabase();
    }

    [TearDown]
    public async Task DeleteStorageAsync()
    {
        await _storageOfB.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Test]
    public async Task OnAServerDatabase_TwoInstancesWithDifferentDataFolders_DecryptWhatTheOtherEncrypted()
    {
        Assume.That(TestStorage.IsServer, "a server database is shared by instances on different machines; SQLite is one file of one installation");
        await using var a = new ConfiguredService(new Dictionary<string, string>(), storage: _storage);
        await using var b = new ConfiguredService(new Dictionary<string, string>(), storage: _storageOfB);

        await ShouldShareSecretsAsync(a, b);

        _storageOfB.DataFolder.Should().NotBe(_storage.DataFolder);
        KeyFiles(_storage).Concat(KeyFiles(_storageOfB)).Should().BeEmpty("the key ring is in the database, not in a folder");
        var keys = await StoredKeysAsync();
        keys.Should().NotBeEmpty().And.OnlyContain(xml => xml.Contains("<masterKey", StringComparison.Ordinal), "without a certificate the keys are stored as plain XML");
    }

    [Test]
    public async Task OnAServerDatabase_WithACertificate_TheStoredKeysAreEncrypted_AndBothInstancesDecrypt()
    {
        Assume.That(TestStorage.IsServer, "the key ring is in the database only on a server");
        var certificate = Path.Combine(_storage.DataFolder, "keyring.pfx");
        var password = RandomNumberGenerator.GetHexString(24);
        await File.WriteAllBytesAsync(certificate, SelfSignedPfx(password));
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = certificate,
            ["DataProtection:CertificatePassword"] = password,
        };
        await using var a = new ConfiguredService(settings, storage: _storage);
        await using var b = new ConfiguredService(settings, storage: _storageOfB);

        await ShouldShareSecretsAsync(a, b);

        var keys = await StoredKeysAsync();
        keys.Should().NotBeEmpty().And.OnlyContain(xml => xml.Contains("<encryptedSecret", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Test]
    public async Task OnSqlite_TheKeyRingIsAFolderInTheDataFolder()
    {
        Assume.That(TestStorage.IsServer, Is.False, "SQLite installations keep the key ring in their data folder");
        await using var service = new ConfiguredService(new Dictionary<string, string>(), storage: _storage);

        await service.CreateOrganizationAsync();

        KeyFiles(_storage).Should().NotBeEmpty();
    }

    [Test]
    public async Task OnSqlite_TheKeyRingFolderIsOwnerOnlyFromTheStart()
    {
        Assume.That(TestStorage.IsServer, Is.False, "SQLite installations keep the key ring in their data folder");
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        await using var service = new ConfiguredService(new Dictionary<string, string>(), storage: _storage);

        await service.CreateOrganizationAsync();

        File.GetUnixFileMode(Path.Combine(_storage.DataFolder, "keys"))
            .Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Secrets encrypted by one instance are read back in clear through the other, both ways.</summary>
    private static async Task ShouldShareSecretsAsync(ConfiguredService a, ConfiguredService b)
    {
        var organization = await a.CreateOrganizationAsync();
        using var clientOfA = a.CreateClientFor(organization);
        using var clientOfB = b.CreateClientFor(organization);
        var fromA = await CreateAliasWithSecretsAsync(clientOfA, a.Now);
        var fromB = await CreateAliasWithSecretsAsync(clientOfB, b.Now);

        // B checks the organization token against the API key secret A encrypted, then shows A's alias secrets.
        var seenByB = await ListAsync(clientOfB);
        var seenByA = await ListAsync(clientOfA);

        seenByB[fromA.Text("id")!].GetRawText().Should().Be(fromA.GetRawText());
        seenByA[fromB.Text("id")!].GetRawText().Should().Be(fromB.GetRawText());
    }

    private static async Task<JsonElement> CreateAliasWithSecretsAsync(HttpClient client, long now)
    {
        var secret = RandomNumberGenerator.GetHexString(40, lowercase: true);
        using var response = await client.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"live","passcode":"pc{{secret}}","jwt_secret":"js{{secret}}","stream_key":"sk{{secret}}","expired_at":{{now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Clone();
    }

    private static async Task<Dictionary<string, JsonElement>> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Routes.List);
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray()
            .Select(e => e.ShouldBeDataEnvelope().Clone())
            .ToDictionary(alias => alias.Text("id")!, StringComparer.Ordinal);
    }

    private async Task<List<string>> StoredKeysAsync() =>
        (await _storage.ReadAllColumnsAsync())
            .Where(v => v is { Table: "DataProtectionKeys", Column: "Xml" })
            .Select(v => Encoding.UTF8.GetString(v.Value))
            .ToList();

    private static IEnumerable<string> KeyFiles(TestStorage storage)
    {
        var folder = Path.Combine(storage.DataFolder, "keys");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.xml").ToList() : [];
    }

    private static byte[] SelfSignedPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=AliasService key ring (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
