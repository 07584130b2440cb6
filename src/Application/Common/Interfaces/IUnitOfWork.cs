namespace AliasService.Application.Common.Interfaces;

/// <summary>Commits the changes of one use case atomically.</summary>
public interface IUnitOfWork
{
    /// <summary>Saves all changes in one transaction; throws <see cref="Exceptions.ConcurrencyConflictException"/> when another writer won.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every loaded and changed object, so the next read sees the database as another writer left it.</summary>
    void DiscardChanges();
}
