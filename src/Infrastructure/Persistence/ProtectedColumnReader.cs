using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AliasService.Infrastructure.Persistence;

/// <summary>Decrypts protected columns into the domain properties as entities are materialized (tracked or not).</summary>
internal sealed class ProtectedColumnReader : IMaterializationInterceptor
{
    /// <summary>One instance for every context: EF Core builds its internal services per materialization interceptor instance.</summary>
    public static readonly ProtectedColumnReader Instance = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var fields = ProtectedColumns.For(materializationData.EntityType);
        if (fields.Length == 0)
        {
            return entity;
        }

        var protector = ((AliasServiceDbContext)materializationData.Context).Protector;
        var rowId = materializationData.GetPropertyValue<string>(fields[0].Key);
        var plaintexts = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var stored = materializationData.GetPropertyValue<string?>(fields[i].Shadow);
            plaintexts[i] = stored is null ? null : protector.Unprotect(stored, fields[i].Column, rowId);
            fields[i].Clr.SetValue(entity, plaintexts[i]);
        }

        // Only a tracked entity can be saved, and only then does the writer compare against what was read; an
        // untracked one (a list page, a cache fill) would only cost a weak-table entry, taken under its lock.
        if (materializationData.QueryTrackingBehavior is not (QueryTrackingBehavior.NoTracking or QueryTrackingBehavior.NoTrackingWithIdentityResolution))
        {
            ProtectedColumns.Remember(entity, plaintexts);
        }
        return entity;
    }
}
