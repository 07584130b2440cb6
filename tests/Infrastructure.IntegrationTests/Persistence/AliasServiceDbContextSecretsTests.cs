using AliasService.Domain.Aliases;
using AliasService.Domain.Organizations;
using AliasService.Infrastructure.IntegrationTests.TestSupport;
using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Passcodes, JWT secrets, stream keys and API key secrets reach SQLite encrypted (read here with plain SQL, past
/// EF Core and its converters) and come back as plaintext through the context.
/// </summary>
[TestFixture]
public sealed class AliasServiceDbContextSecretsTests
{
    private const string Passcode = "open-sesame-4711";
    private const string JwtSecret = "0123456789abcdef0123456789abcdef";
    private const string StreamKey = "live_stream_key_42";

    private FakeTimeProvider _clock = null!;
    private TestDatabase _database = null!;
    private Organization _organization = null!;
    private Alias _alias = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _database = new TestDatabase();
        _organization = Organization.Create("Acme", _clock);
        _alias = Alias.Create(_organization.Id, AliasType.Live, "Stage", Passcode, JwtSecret, StreamKey, TestClock.StartSeconds + 3600, _clock);
        _database.Seed(_organization, _alias);
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    private string? RawAliasColumn(string column, string aliasId) =>
        _database.Scalar($"SELECT \"{column}\" FROM \"aliases\" WHERE \"Id\" = $id", ("$id", aliasId)) as string;

    [TestCase("Passcode", Passcode)]
    [TestCase("JwtSecret", JwtSecret)]
    [TestCase("StreamKey", StreamKey)]
    public void SaveChanges_AliasSecret_IsStoredEncrypted(string column, string plaintext)
    {
        var raw = RawAliasColumn(column, _alias.Id);

        raw.Should().NotBeNullOrEmpty();
        raw.Should().NotBe(plaintext).And.NotContain(plaintext);
        raw.Should().StartWith(SecretProtector.BoundPrefix);
        TestDatabase.Protector.Unprotect(raw!, new ProtectedColumn("aliases", column), _alias.Id).Should().Be(plaintext);
    }

    [Test]
    public void SaveChanges_AliasName_IsStoredAsPlaintext()
    {
        // Shows the raw reads look at the right row: only the secrets are encrypted.
        RawAliasColumn("Name", _alias.Id).Should().Be("Stage");
    }

    [Test]
    public void SaveChanges_ApiKeySecret_IsStoredEncrypted()
    {
        var key = _organization.ApiKeys.Single();

        var raw = _database.Scalar("SELECT \"Secret\" FROM \"api_keys\" WHERE \"Id\" = $id", ("$id", key.Id)) as string;

        raw.Should().NotBeNullOrEmpty();
        raw.Should().NotBe(key.Secret).And.NotContain(key.Secret);
        TestDatabase.Protector.Unprotect(raw!, new ProtectedColumn("api_keys", "Secret"), key.Id).Should().Be(key.Secret);
    }

    [Test]
    public void SaveChanges_AbsentSecrets_StayNullInTheColumns()
    {
        var open = Alias.Create(_organization.Id, AliasType.Conference, null, null, null, null, TestClock.StartSeconds + 3600, _clock);
        _database.Seed(open);

        RawAliasColumn("Passcode", open.Id).Should().BeNull();
        RawAliasColumn("JwtSecret", open.Id).Should().BeNull();
        RawAliasColumn("StreamKey", open.Id).Should().BeNull();
        _database.Scalar("SELECT COUNT(*) FROM \"aliases\" WHERE \"Passcode\" IS NULL").Should().Be(1L);
    }

    [Test]
    public void Query_InAFreshContext_ReadsTheAliasSecretsBackAsPlaintext()
    {
        using var context = _database.NewContext();

        var alias = context.Aliases.AsNoTracking().Single(a => a.Id == _alias.Id);

        alias.Should().BeEquivalentTo(new { Passcode, JwtSecret, StreamKey, Name = "Stage" });
        alias.PasscodeMatches(Passcode).Should().BeTrue();
    }

    [Test]
    public void Query_InAFreshContext_ReadsTheApiKeySecretBackAsPlaintext()
    {
        using var context = _database.NewContext();

        var organization = context.Organizations.Include(o => o.ApiKeys).Single(o => o.Id == _organization.Id);

        organization.ApiKeys.Single().Secret.Should().Be(_organization.ApiKeys.Single().Secret);
    }

    [Test]
    public void SaveChanges_AfterAnUpdate_StoresTheNewSecretEncrypted()
    {
        using (var context = _database.NewContext())
        {
            var alias = context.Aliases.Single(a => a.Id == _alias.Id);
            alias.Update(new AliasChanges { Passcode = "another-passcode" }, _clock);
            context.SaveChanges();
        }

        var raw = RawAliasColumn("Passcode", _alias.Id);

        raw.Should().NotContain("another-passcode");
        TestDatabase.Protector.Unprotect(raw!, new ProtectedColumn("aliases", "Passcode"), _alias.Id).Should().Be("another-passcode");
    }

    [Test]
    public void SaveChanges_AfterAnUpdateOfAnotherField_KeepsTheStoredCiphertexts()
    {
        var before = RawAliasColumn("Passcode", _alias.Id);
        using (var context = _database.NewContext())
        {
            var alias = context.Aliases.Single(a => a.Id == _alias.Id);
            alias.Update(new AliasChanges { Name = "Renamed" }, _clock);
            context.SaveChanges();
        }

        RawAliasColumn("Passcode", _alias.Id).Should().Be(before);
        RawAliasColumn("Name", _alias.Id).Should().Be("Renamed");
    }

    [Test]
    public void Query_OfACiphertextCopiedFromAnotherRow_ReadsAnUnusableValue()
    {
        var other = Alias.Create(_organization.Id, AliasType.Live, "Other", "other-passcode", null, null, TestClock.StartSeconds + 3600, _clock);
        _database.Seed(other);
        _database.Scalar("UPDATE \"aliases\" SET \"Passcode\" = $value WHERE \"Id\" = $id", ("$value", RawAliasColumn("Passcode", other.Id)!), ("$id", _alias.Id));
        using var context = _database.NewContext();

        var alias = context.Aliases.AsNoTracking().Single(a => a.Id == _alias.Id);

        alias.Passcode.Should().StartWith(SecretProtector.UnreadablePrefix);
        alias.PasscodeMatches("other-passcode").Should().BeFalse();
        alias.PasscodeMatches(Passcode).Should().BeFalse();
        alias.IsProtected.Should().BeTrue();
    }

    [Test]
    public void SaveChanges_SameSecretOnTwoAliases_StoresDifferentCiphertexts()
    {
        var twin = Alias.Create(_organization.Id, AliasType.Live, "Twin", Passcode, JwtSecret, StreamKey, TestClock.StartSeconds + 3600, _clock);
        _database.Seed(twin);

        RawAliasColumn("JwtSecret", twin.Id).Should().NotBe(RawAliasColumn("JwtSecret", _alias.Id));
    }
}
