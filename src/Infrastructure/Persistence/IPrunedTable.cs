namespace AliasService.Infrastructure.Persistence;

/// <summary>A table whose old rows are deleted in the background (<see cref="HourlyPruning{TTable}"/>).</summary>
public interface IPrunedTable
{
    /// <summary>What the rows are, for the log ("access event(s)", "expired idempotency record(s)").</summary>
    string RowsName { get; }

    /// <summary>Deletes the rows past their retention; answers how many.</summary>
    Task<int> PruneAsync(CancellationToken cancellationToken);
}
