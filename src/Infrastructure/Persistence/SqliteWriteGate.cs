using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// One writer at a time into the SQLite file, queued in the process instead of fighting for the file lock: SQLite
/// answers a second writer SQLITE_BUSY, and Microsoft.Data.Sqlite then sleeps before it tries again, which made the
/// tail latency of concurrent creates. A save (or an explicit transaction, from its start to its end) holds the
/// gate; readers never wait for it (WAL). Before a write, the connection is set to the configured
/// <c>synchronous</c> level (docs/operations.md, "Durability").
/// </summary>
public sealed class SqliteWriteGate(SqliteSynchronous synchronous) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly string _pragma = $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AliasServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            Enter(db);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AliasServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            await EnterAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        LeaveUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        LeaveUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        LeaveUnlessInTransaction(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        LeaveUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        LeaveUnlessInTransaction(eventData.Context);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        LeaveUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (eventData.Context is AliasServiceDbContext db)
        {
            Enter(db);
        }

        return result;
    }

    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        if (eventData.Context is AliasServiceDbContext db)
        {
            await EnterAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Gives the gate back if <paramref name="context"/> still holds it (a transaction disposed without commit or rollback).</summary>
    internal static void Release(AliasServiceDbContext context) => Leave(context);

    private void Enter(AliasServiceDbContext db)
    {
        if (db.WriteGate is not null)
        {
            return;
        }

        _writer.Wait();
        db.WriteGate = this;
        try
        {
            SetSynchronous(db);
        }
        catch
        {
            Leave(db);
            throw;
        }
    }

    private async ValueTask EnterAsync(AliasServiceDbContext db, CancellationToken cancellationToken)
    {
        if (db.WriteGate is not null)
        {
            return;
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        db.WriteGate = this;
        try
        {
            SetSynchronous(db);
        }
        catch
        {
            Leave(db);
            throw;
        }
    }

    private void SetSynchronous(AliasServiceDbContext db)
    {
        // Per connection, not stored in the file: set on the connection that is about to write, which stays open
        // (and so stays this connection) until the context is disposed.
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    private void LeaveUnlessInTransaction(DbContext? context)
    {
        if (context is AliasServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            Leave(db);
        }
    }

    private static void Leave(DbContext? context)
    {
        if (context is AliasServiceDbContext { WriteGate: { } gate } db)
        {
            db.WriteGate = null;
            gate._writer.Release();
        }
    }
}
