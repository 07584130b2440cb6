using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Before every save, encrypts each protected domain property that is new or changed since it was read, bound to
/// its table, column and row, into its column. Unchanged values keep their stored ciphertext.
/// </summary>
internal sealed class ProtectedColumnWriter : SaveChangesInterceptor
{
    public static readonly ProtectedColumnWriter Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Protect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Protect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Protect(DbContext? context)
    {
        if (context is not AliasServiceDbContext db)
        {
            return;
        }

        // New child entities (a key added to an organization) are only found by change detection.
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var fields = ProtectedColumns.For(entry.Metadata);
            if (fields.Length == 0 || entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            var known = entry.State == EntityState.Added ? null : ProtectedColumns.Remembered(entry.Entity);
            var rowId = (string)entry.Property(fields[0].Key).CurrentValue!;
            var plaintexts = new string?[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                plaintexts[i] = (string?)fields[i].Clr.GetValue(entry.Entity);
                if (known is null || !string.Equals(known[i], plaintexts[i], StringComparison.Ordinal))
                {
                    entry.Property(fields[i].Shadow).CurrentValue =
                        plaintexts[i] is null ? null : db.Protector.Protect(plaintexts[i]!, fields[i].Column, rowId);
                }
            }

            ProtectedColumns.Remember(entry.Entity, plaintexts);
        }
    }
}
