using System.Diagnostics.CodeAnalysis;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;

namespace AliasService.Application.UnitTests.TestSupport;

/// <summary>
/// A readable stand-in for the cursor protector: "listing|organization|position". It keeps the binding rule (a cursor
/// unprotects only for the listing and organization it was issued for) without the cryptography, which the
/// Infrastructure tests cover.
/// </summary>
public sealed class TestCursors : IKeysetCursorProtector
{
    public string Protect<TListing>(KeysetCursor cursor, string organizationId) =>
        $"{typeof(TListing).Name}|{organizationId}|{cursor.Encode()}";

    public bool TryUnprotect<TListing>([NotNullWhen(true)] string? text, string organizationId, [NotNullWhen(true)] out KeysetCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('|');
        return parts is [var listing, var organization, var position]
            && listing == typeof(TListing).Name
            && organization == organizationId
            && KeysetCursor.TryDecode(position, out cursor);
    }
}
