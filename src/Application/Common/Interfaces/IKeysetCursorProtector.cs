using System.Diagnostics.CodeAnalysis;
using AliasService.Application.Common.Paging;

namespace AliasService.Application.Common.Interfaces;

/// <summary>
/// Turns keyset positions into the opaque <c>after</c> cursors clients see, and back. A cursor is authenticated and
/// bound to the listing (the type argument: the listing's query type) and the organization it was issued
/// for: an edited cursor, another organization's, or one from another listing does not unprotect.
/// </summary>
public interface IKeysetCursorProtector
{
    string Protect<TListing>(KeysetCursor cursor, string organizationId);

    bool TryUnprotect<TListing>([NotNullWhen(true)] string? text, string organizationId, [NotNullWhen(true)] out KeysetCursor? cursor);
}
