using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliasService.Infrastructure.Persistence;

// Used by `dotnet ef` only: migrations need the model, never real keys or a real database.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAliasServiceDbContext>
{
    public SqliteAliasServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAliasServiceDbContext>()
                .UseSqlite("Data Source=design-time.db")
                .Options,
            DesignTimeProtector.Instance);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAliasServiceDbContext>
{
    public SqlServerAliasServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAliasServiceDbContext>()
                .UseSqlServer("Server=design-time;Database=AliasService;Integrated Security=true;TrustServerCertificate=true")
                .Options,
            DesignTimeProtector.Instance);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAliasServiceDbContext>
{
    public PostgreSqlAliasServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAliasServiceDbContext>()
                .UseNpgsql("Host=design-time;Database=aliasservice")
                .Options,
            DesignTimeProtector.Instance);
}

internal static class DesignTimeProtector
{
    public static readonly SecretProtector Instance = new(new EphemeralDataProtectionProvider(), NullLogger<SecretProtector>.Instance);
}
