using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// The model on a database server that several instances share (<see cref="PostgreSqlAliasServiceDbContext"/>,
/// <see cref="SqlServerAliasServiceDbContext"/>): ids compare ordinally, and the Data Protection key ring is a table,
/// so every instance decrypts what any other encrypted whatever its local folders.
/// </summary>
public abstract class ServerAliasServiceDbContext(DbContextOptions options, SecretProtector protector)
    : AliasServiceDbContext(options, protector), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The server's collation that compares and sorts by code point.</summary>
    protected abstract string OrdinalCollation { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Servers compare text by a locale (SQL Server even case-insensitively by default); ids and idempotency keys
        // are case-sensitive ASCII, so those columns (the non-Unicode ones) compare and sort ordinally, as they do in
        // SQLite and in the keyset cursor.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.ClrType == typeof(string) && p.IsUnicode() == false))
        {
            property.SetCollation(OrdinalCollation);
        }
    }
}
