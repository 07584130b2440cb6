using System.Data.Common;
using AliasService.Domain.Aliases;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AliasService.Infrastructure.Caching;

/// <summary>
/// Publishes the keys of every alias, API key, JWT key and organization a save adds, changes or removes, once the
/// change is committed: right after the save, or, inside an explicit transaction, when that transaction commits. The
/// request that made the change is answered after that, so the next request finds the caches without it.
/// </summary>
public sealed class CommittedChangesPublisher(ICacheInvalidationBus bus) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        PublishUnlessInTransactionAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await PublishUnlessInTransactionAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // A failed save may still have committed part of its work on a provider without an enclosing transaction;
    // dropping entries that did not change costs one query each, keeping a changed one would be wrong.
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        PublishUnlessInTransactionAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return PublishUnlessInTransactionAsync(eventData.Context, CancellationToken.None).AsTask();
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        PublishAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) =>
        PublishAsync(eventData.Context, cancellationToken).AsTask();

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Discard(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is not AliasServiceDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            CacheKey? key = entry.Entity switch
            {
                Alias alias => CacheKey.Alias(alias.Id),
                TokenRevocation revocation => CacheKey.Alias(revocation.AliasId),
                ApiKey apiKey => CacheKey.ApiKey(apiKey.Id),
                JwtKey jwtKey => CacheKey.JwtKey(jwtKey.Id),
                Organization organization => CacheKey.Organization(organization.Id),
                _ => null,
            };
            if (key is { } changed)
            {
                db.UncommittedCacheKeys.Add(changed);
            }
        }
    }

    private ValueTask PublishUnlessInTransactionAsync(DbContext? context, CancellationToken cancellationToken) =>
        context?.Database.CurrentTransaction is null ? PublishAsync(context, cancellationToken) : ValueTask.CompletedTask;

    private ValueTask PublishAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not AliasServiceDbContext db || db.UncommittedCacheKeys.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        CacheKey[] keys = [.. db.UncommittedCacheKeys];
        db.UncommittedCacheKeys.Clear();
        return bus.PublishAsync(keys, cancellationToken);
    }

    private static void Discard(DbContext? context)
    {
        if (context is AliasServiceDbContext db)
        {
            db.UncommittedCacheKeys.Clear();
        }
    }
}
