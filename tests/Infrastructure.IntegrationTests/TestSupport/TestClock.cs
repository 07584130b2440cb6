using Microsoft.Extensions.Time.Testing;

namespace AliasService.Infrastructure.IntegrationTests.TestSupport;

/// <summary>A fake clock that starts at a fixed, whole-second instant, so "now" is known to every test.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static long StartSeconds => Start.ToUnixTimeSeconds();

    public static FakeTimeProvider Create() => new(Start);
}
