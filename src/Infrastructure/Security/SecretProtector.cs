using Microsoft.AspNetCore.DataProtection;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Encrypts the secrets that must be recovered later (API key secrets, passcodes, JWT secrets, stream keys)
/// with ASP.NET Core Data Protection before they reach the database.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "AliasService.Persistence.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
