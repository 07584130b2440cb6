using AliasService.Domain.Aliases;

namespace AliasService.Application.UnitTests.TestSupport;

/// <summary>Builds valid aliases through the real aggregate factory.</summary>
internal static class TestAliases
{
    public const string OrganizationId = "org_owner";
    public const string Passcode = "open-sesame";
    public const string JwtSecret = "0123456789abcdef0123456789abcdef";
    public const string StreamKey = "stream-key-1";

    public static long ExpiredAt => TestClock.StartSeconds + 3600;

    public static Alias Create(TimeProvider clock, AliasType type = AliasType.Conference, string? name = "Weekly sync", string organizationId = OrganizationId) =>
        Alias.Create(organizationId, type, name, Passcode, JwtSecret, StreamKey, ExpiredAt, clock);
}
