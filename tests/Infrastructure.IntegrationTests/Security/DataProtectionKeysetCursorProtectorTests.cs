using System.Buffers.Text;
using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.JwtKeys.Queries.ListJwtKeys;
using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AliasService.Infrastructure.IntegrationTests.Security;

/// <summary>Cursors come back only to the listing and organization they were issued for, and only unedited.</summary>
[TestFixture]
public sealed class DataProtectionKeysetCursorProtectorTests
{
    private static readonly KeysetCursor Position = new(1_900_000_000, "AbC-_12345678901");
    private readonly DataProtectionKeysetCursorProtector _cursors = new(new EphemeralDataProtectionProvider());

    [Test]
    public void Protect_ThenTryUnprotectForTheSameListingAndOrganization_RoundTrips()
    {
        var text = _cursors.Protect<ListAliasesQuery>(Position, "org_a");

        _cursors.TryUnprotect<ListAliasesQuery>(text, "org_a", out var cursor).Should().BeTrue();
        cursor.Should().Be(Position);
    }

    [Test]
    public void Protect_Always_IsUrlSafeAndHidesThePosition()
    {
        var text = _cursors.Protect<ListAliasesQuery>(Position, "org_a");

        Base64Url.IsValid(text).Should().BeTrue();
        text.Should().NotContain(Position.Encode()).And.NotContain(Position.Id);
    }

    [Test]
    public void TryUnprotect_ForAnotherOrganization_Fails()
    {
        var text = _cursors.Protect<ListAliasesQuery>(Position, "org_a");

        _cursors.TryUnprotect<ListAliasesQuery>(text, "org_b", out _).Should().BeFalse();
    }

    [Test]
    public void TryUnprotect_ForAnotherListing_Fails()
    {
        var text = _cursors.Protect<ListAliasesQuery>(Position, "org_a");

        _cursors.TryUnprotect<ListJwtKeysQuery>(text, "org_a", out _).Should().BeFalse();
    }

    [Test]
    public void TryUnprotect_WithAnyOneCharacterChanged_Fails()
    {
        var text = _cursors.Protect<ListAliasesQuery>(Position, "org_a");

        for (var i = 0; i < text.Length; i++)
        {
            var edited = text[..i] + (text[i] == 'A' ? 'B' : 'A') + text[(i + 1)..];
            _cursors.TryUnprotect<ListAliasesQuery>(edited, "org_a", out _).Should().BeFalse("character {0} was changed", i);
        }
    }

    [TestCase("")]
    [TestCase("not a cursor!")]
    [TestCase("MTkwMDAwMDAwMDpBYkMtXzEyMzQ1Njc4OTAx")] // the unprotected position alone
    public void TryUnprotect_WithTextThisServiceNeverIssued_Fails(string text)
    {
        _cursors.TryUnprotect<ListAliasesQuery>(text, "org_a", out _).Should().BeFalse();
    }

    [Test]
    public void TryUnprotect_WithCursorOfAnotherKeyRing_Fails()
    {
        var text = new DataProtectionKeysetCursorProtector(new EphemeralDataProtectionProvider()).Protect<ListAliasesQuery>(Position, "org_a");

        _cursors.TryUnprotect<ListAliasesQuery>(text, "org_a", out _).Should().BeFalse();
    }
}
