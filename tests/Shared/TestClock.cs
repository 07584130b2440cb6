using Microsoft.Extensions.Time.Testing;

namespace AliasService.Tests.Shared;

/// <summary>
/// A fake clock that starts at a fixed, whole-second instant, so "now" is known to every test. One copy for every
/// test project (compiled into each through tests/Directory.Build.props).
/// </summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Unix seconds of <see cref="Start"/>, computed independently of the code under test.</summary>
    public static long StartSeconds => Start.ToUnixTimeSeconds();

    public static FakeTimeProvider Create() => new(Start);

    public static long NowSeconds(this FakeTimeProvider clock) => clock.GetUtcNow().ToUnixTimeSeconds();
}
