using System.Security.Cryptography;
using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AliasService.Infrastructure.IntegrationTests.Security;

[TestFixture]
public sealed class SecretProtectorTests
{
    private readonly SecretProtector _protector = new(new EphemeralDataProtectionProvider());

    [TestCase("open-sesame")]
    [TestCase("0123456789abcdef0123456789abcdef")]
    [TestCase("sk_9fK2-x_Lq")]
    [TestCase("pässcode ✓ \U0001F511")]
    [TestCase("")]
    public void Unprotect_OfProtect_ReturnsThePlaintext(string plaintext)
    {
        _protector.Unprotect(_protector.Protect(plaintext)).Should().Be(plaintext);
    }

    [TestCase("open-sesame")]
    [TestCase("0123456789abcdef0123456789abcdef")]
    public void Protect_Ciphertext_DoesNotContainThePlaintext(string plaintext)
    {
        var ciphertext = _protector.Protect(plaintext);

        ciphertext.Should().NotBe(plaintext).And.NotContain(plaintext);
        ciphertext.Should().NotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext)).TrimEnd('='));
    }

    [Test]
    public void Protect_SamePlaintextTwice_GivesDifferentCiphertexts()
    {
        _protector.Protect("open-sesame").Should().NotBe(_protector.Protect("open-sesame"));
    }

    [Test]
    public void Unprotect_WithAnotherKeyRing_Fails()
    {
        var other = new SecretProtector(new EphemeralDataProtectionProvider());

        var act = () => other.Unprotect(_protector.Protect("open-sesame"));

        act.Should().Throw<CryptographicException>();
    }

    [Test]
    public void Unprotect_OfTamperedCiphertext_Fails()
    {
        var ciphertext = _protector.Protect("open-sesame");
        var tampered = ciphertext[..^3] + (ciphertext[^3] == 'A' ? 'B' : 'A') + ciphertext[^2..];

        var act = () => _protector.Unprotect(tampered);

        act.Should().Throw<CryptographicException>();
    }
}
