namespace AliasService.Application.Common.Models;

/// <summary>
/// The answer of <see cref="Interfaces.IFailedAttemptLimiter.ReserveAsync"/>: granted with the permits it took, or
/// refused with the time until the budget that refused has room again (for <c>Retry-After</c>).
/// </summary>
public sealed record AttemptReservation(bool IsGranted, TimeSpan RetryAfter, IReadOnlyList<ReservedPermit> Permits)
{
    public static AttemptReservation Refused(TimeSpan retryAfter) => new(false, retryAfter, []);
}
