using AliasService.Domain.Aliases;

namespace AliasService.Domain.UnitTests.TestSupport;

/// <summary>Builds valid aliases; each test overrides only the field it is about.</summary>
internal static class TestAliases
{
    public const string OrganizationId = "org_test";
    public const string Name = "Weekly sync";
    public const string Passcode = "open-sesame";

    /// <summary>32 ASCII characters: exactly the 256-bit minimum HS256 key.</summary>
    public const string JwtSecret = "0123456789abcdef0123456789abcdef";

    public const string StreamKey = "live_stream_key_1";

    /// <summary>One hour after <see cref="TestClock.Start"/>.</summary>
    public static long ExpiredAt => TestClock.StartSeconds + 3600;

    public static Alias Create(
        TimeProvider clock,
        AliasType type = AliasType.Conference,
        string? name = Name,
        string? passcode = Passcode,
        string? jwtSecret = JwtSecret,
        string? streamKey = StreamKey,
        long? expiredAt = null,
        string organizationId = OrganizationId) =>
        Alias.Create(organizationId, type, name, passcode, jwtSecret, streamKey, expiredAt ?? ExpiredAt, clock);

    public static Alias CreateWithoutSecrets(TimeProvider clock) =>
        Create(clock, passcode: null, jwtSecret: null, streamKey: null);
}
