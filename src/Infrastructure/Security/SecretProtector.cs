using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Encrypts the secrets that must be recovered later (API key secrets, passcodes, JWT secrets, stream keys, stored
/// idempotent responses) with
/// ASP.NET Core Data Protection, each bound to its place: the purpose names the table and column, and the row id
/// is a further purpose, so a ciphertext copied to another row or column does not decrypt. Bound values start with
/// <see cref="BoundPrefix"/>; values written before (one purpose for everything, <c>AliasService.Persistence.Secrets.v1</c>)
/// are recognisable by its absence and are re-protected in place at start-up (<c>LegacySecretUpgrade</c>).
/// </summary>
public sealed partial class SecretProtector(IDataProtectionProvider provider, ILogger<SecretProtector> logger)
{
    /// <summary>Marks a value bound to its table, column and row. Data Protection output never contains a dot.</summary>
    public const string BoundPrefix = "v2.";

    /// <summary>What a value that cannot be read turns into: unusable, recognisable, and never equal to anything sent.</summary>
    public const string UnreadablePrefix = "unreadable:";

    private const string BoundPurpose = "AliasService.Persistence.Secrets.v2";
    private const string LegacyPurpose = "AliasService.Persistence.Secrets.v1";

    private readonly IDataProtector _bound = provider.CreateProtector(BoundPurpose);
    private readonly IDataProtector _legacy = provider.CreateProtector(LegacyPurpose);
    /// <summary>Whether values in the legacy format are still read (only while the start-up upgrade has not run).</summary>
    private volatile bool _acceptsLegacy;

    public static bool IsBound(string stored) => stored.StartsWith(BoundPrefix, StringComparison.Ordinal);

    /// <summary>The value to store for <paramref name="plaintext"/> in this column of this row.</summary>
    public string Protect(string plaintext, ProtectedColumn column, string rowId) =>
        BoundPrefix + For(column, rowId).Protect(plaintext);

    /// <summary>
    /// The plaintext of a stored value. A value that does not decrypt for this column and row (moved from elsewhere,
    /// altered, or written with another key ring) is logged as tampering, without the value, and read as an
    /// unusable random stand-in: the alias stays protected, no passcode or token matches it, nothing leaks.
    /// </summary>
    public string Unprotect(string stored, ProtectedColumn column, string rowId) =>
        TryUnprotect(stored, column, rowId, out var plaintext)
            ? plaintext
            : UnreadablePrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The plaintext of a stored value; false (logged as possible tampering, without the value) when it does not decrypt here.</summary>
    public bool TryUnprotect(string stored, ProtectedColumn column, string rowId, out string plaintext)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(column);
        try
        {
            if (IsBound(stored))
            {
                plaintext = For(column, rowId).Unprotect(stored[BoundPrefix.Length..]);
                return true;
            }

            if (_acceptsLegacy)
            {
                plaintext = _legacy.Unprotect(stored);
                return true;
            }
        }
        catch (CryptographicException)
        {
        }

        LogUnreadable(logger, column.Purpose, rowId);
        plaintext = string.Empty;
        return false;
    }

    /// <summary>The plaintext of a legacy value, for the start-up upgrade; false when it does not decrypt.</summary>
    public bool TryUnprotectLegacy(string stored, out string plaintext)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            plaintext = _legacy.Unprotect(stored);
            return true;
        }
        catch (CryptographicException)
        {
            plaintext = string.Empty;
            return false;
        }
    }

    /// <summary>Keep reading legacy values: the start-up upgrade could not run, so some may still be stored.</summary>
    public void AcceptLegacyFormat() => _acceptsLegacy = true;

    /// <summary>Read only bound values from now on: the start-up upgrade re-protected every legacy value.</summary>
    public void RetireLegacyFormat() => _acceptsLegacy = false;

    private IDataProtector For(ProtectedColumn column, string rowId) => _bound.CreateProtector(column.Purpose, rowId);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "StoredSecretUnreadable",
        Message = "Possible tampering: the stored value in {Column} of row {RowId} does not decrypt for that place (moved from another row or column, altered, or written with another key ring); it is treated as unusable")]
    private static partial void LogUnreadable(ILogger logger, string column, string rowId);
}
