using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the model; owns <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerAliasServiceDbContext(DbContextOptions<SqlServerAliasServiceDbContext> options, SecretProtector protector)
    : AliasServiceDbContext(options, protector)
{
    private const string BinaryCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQL Server compares case-insensitively by default; ids are case-sensitive base64url, so id columns
        // (the non-Unicode ones) compare and sort ordinally, as they do in SQLite and in the keyset cursor.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.ClrType == typeof(string) && p.IsUnicode() == false))
        {
            property.SetCollation(BinaryCollation);
        }
    }
}
