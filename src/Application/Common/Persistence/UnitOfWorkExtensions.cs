using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;

namespace AliasService.Application.Common.Persistence;

/// <summary>Saving a change that must be decided on fresh data when another writer got there first.</summary>
public static class UnitOfWorkExtensions
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Runs <paramref name="change"/> (load the aggregate, apply the domain rule) and saves it; on a concurrency
    /// conflict, discards everything and runs it again, so the rule is judged against what the winner saved (and
    /// may now refuse). Gives up with <see cref="ConcurrencyConflictException"/> after a few attempts.
    /// </summary>
    public static async Task<T> SaveWithRetryAsync<T>(this IUnitOfWork unitOfWork, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var result = await change().ConfigureAwait(false);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
