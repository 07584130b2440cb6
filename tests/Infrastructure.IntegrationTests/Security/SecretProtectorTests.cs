using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliasService.Infrastructure.IntegrationTests.Security;

[TestFixture]
public sealed class SecretProtectorTests
{
    private static readonly ProtectedColumn JwtSecrets = new("aliases", "JwtSecret");
    private static readonly ProtectedColumn Passcodes = new("aliases", "Passcode");
    private static readonly ProtectedColumn ApiSecrets = new("api_keys", "Secret");

    private readonly EphemeralDataProtectionProvider _keyRing = new();
    private SecretProtector _protector = null!;

    [SetUp]
    public void SetUp() => _protector = new SecretProtector(_keyRing, NullLogger<SecretProtector>.Instance);

    [TestCase("open-sesame")]
    [TestCase("0123456789abcdef0123456789abcdef")]
    [TestCase("sk_9fK2-x_Lq")]
    [TestCase("pässcode ✓ \U0001F511")]
    [TestCase("")]
    public void Unprotect_OfProtect_InTheSamePlace_ReturnsThePlaintext(string plaintext)
    {
        _protector.Unprotect(_protector.Protect(plaintext, JwtSecrets, "row1"), JwtSecrets, "row1").Should().Be(plaintext);
    }

    [Test]
    public void Protect_MarksTheValueAsBound()
    {
        var stored = _protector.Protect("open-sesame", Passcodes, "row1");

        stored.Should().StartWith(SecretProtector.BoundPrefix);
        SecretProtector.IsBound(stored).Should().BeTrue();
    }

    [TestCase("open-sesame")]
    [TestCase("0123456789abcdef0123456789abcdef")]
    public void Protect_Ciphertext_DoesNotContainThePlaintext(string plaintext)
    {
        var ciphertext = _protector.Protect(plaintext, Passcodes, "row1");

        ciphertext.Should().NotContain(plaintext);
        ciphertext.Should().NotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext)).TrimEnd('='));
    }

    [Test]
    public void Protect_SamePlaintextTwice_GivesDifferentCiphertexts()
    {
        _protector.Protect("open-sesame", Passcodes, "row1").Should().NotBe(_protector.Protect("open-sesame", Passcodes, "row1"));
    }

    [Test]
    public void Unprotect_InAnotherRow_IsUnusable()
    {
        var stored = _protector.Protect("open-sesame", Passcodes, "row1");

        ShouldBeUnusable(_protector.Unprotect(stored, Passcodes, "row2"), "open-sesame");
    }

    [Test]
    public void Unprotect_InAnotherColumnOrTable_IsUnusable()
    {
        var stored = _protector.Protect("sk_the-api-secret-0123456789abcdef", ApiSecrets, "row1");

        ShouldBeUnusable(_protector.Unprotect(stored, JwtSecrets, "row1"), "sk_the-api-secret-0123456789abcdef");
        ShouldBeUnusable(_protector.Unprotect(stored, Passcodes, "row1"), "sk_the-api-secret-0123456789abcdef");
    }

    [Test]
    public void Unprotect_WithAnotherKeyRing_IsUnusable()
    {
        var other = new SecretProtector(new EphemeralDataProtectionProvider(), NullLogger<SecretProtector>.Instance);

        ShouldBeUnusable(other.Unprotect(_protector.Protect("open-sesame", Passcodes, "row1"), Passcodes, "row1"), "open-sesame");
    }

    [Test]
    public void Unprotect_OfTamperedCiphertext_IsUnusable()
    {
        var ciphertext = _protector.Protect("open-sesame", Passcodes, "row1");
        var tampered = ciphertext[..^3] + (ciphertext[^3] == 'A' ? 'B' : 'A') + ciphertext[^2..];

        ShouldBeUnusable(_protector.Unprotect(tampered, Passcodes, "row1"), "open-sesame");
    }

    [Test]
    public void Unprotect_OfAnUnusableValueTwice_GivesDifferentStandIns()
    {
        var stored = _protector.Protect("open-sesame", Passcodes, "row1");

        _protector.Unprotect(stored, Passcodes, "row2").Should().NotBe(_protector.Unprotect(stored, Passcodes, "row2"));
    }

    [Test]
    public void LegacyValue_IsReadOnlyWhileTheLegacyFormatIsAccepted()
    {
        var legacy = _keyRing.CreateProtector("AliasService.Persistence.Secrets.v1").Protect("open-sesame");
        SecretProtector.IsBound(legacy).Should().BeFalse();

        _protector.AcceptLegacyFormat();
        _protector.Unprotect(legacy, Passcodes, "row1").Should().Be("open-sesame");
        _protector.TryUnprotectLegacy(legacy, out var plaintext).Should().BeTrue();
        plaintext.Should().Be("open-sesame");

        _protector.RetireLegacyFormat();
        ShouldBeUnusable(_protector.Unprotect(legacy, Passcodes, "row1"), "open-sesame");
    }

    private static void ShouldBeUnusable(string read, string original)
    {
        read.Should().StartWith(SecretProtector.UnreadablePrefix).And.NotContain(original);
        read.Length.Should().BeGreaterThan(SecretProtector.UnreadablePrefix.Length + 40, "the stand-in carries 256 random bits");
    }
}
