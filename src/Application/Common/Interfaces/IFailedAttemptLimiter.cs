using AliasService.Application.Common.Models;

namespace AliasService.Application.Common.Interfaces;

/// <summary>
/// Budgets of failed credential attempts on public retrieval. A permit is reserved <em>before</em> the credential is
/// checked and given back once the outcome is known not to be a credential failure, so at most the configured
/// number of failures per window is ever evaluated, however many attempts arrive at once. Two budgets: per client
/// and alias, and, for passcode attempts only, per alias across all clients.
/// </summary>
public interface IFailedAttemptLimiter
{
    /// <summary>Takes one permit of every budget the attempt counts against; refused (taking nothing) when one is used up.</summary>
    ValueTask<AttemptReservation> ReserveAsync(FailedAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Gives back the permits of a granted reservation whose attempt was not a credential failure.</summary>
    ValueTask ReleaseAsync(AttemptReservation reservation, CancellationToken cancellationToken);
}
