using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using Microsoft.AspNetCore.DataProtection;

namespace AliasService.Infrastructure.Security;

/// <summary>
/// Cursors encrypted and authenticated with ASP.NET Core Data Protection (the same key ring as the stored secrets),
/// under a purpose made of the listing and the organization, so a cursor unprotects only where it was issued.
/// </summary>
public sealed class DataProtectionKeysetCursorProtector(IDataProtectionProvider provider) : IKeysetCursorProtector
{
    private const string Purpose = "AliasService.KeysetCursor.v1";

    /// <summary>Far above any cursor this service issues (about 160 characters); longer text is not decoded at all.</summary>
    private const int MaxLength = 512;

    public string Protect<TListing>(KeysetCursor cursor, string organizationId)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return Base64Url.EncodeToString(ProtectorFor<TListing>(organizationId).Protect(Encoding.UTF8.GetBytes(cursor.Encode())));
    }

    public bool TryUnprotect<TListing>([NotNullWhen(true)] string? text, string organizationId, [NotNullWhen(true)] out KeysetCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        byte[] payload;
        try
        {
            payload = ProtectorFor<TListing>(organizationId).Unprotect(Base64Url.DecodeFromChars(text));
        }
        catch (CryptographicException)
        {
            return false;
        }

        return KeysetCursor.TryDecode(Encoding.UTF8.GetString(payload), out cursor);
    }

    private IDataProtector ProtectorFor<TListing>(string organizationId) =>
        provider.CreateProtector(Purpose, typeof(TListing).FullName!, organizationId);
}
