namespace AliasService.Domain.Common;

/// <summary>Conversions between <see cref="TimeProvider"/> time and the wire's integer Unix seconds.</summary>
public static class UnixTime
{
    /// <summary>Values above this are taken for milliseconds (10^11 seconds is the year 5138).</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    public static long Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToUnixTimeSeconds();
    }
}
