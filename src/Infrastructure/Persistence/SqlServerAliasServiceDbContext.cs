using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the model; owns <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerAliasServiceDbContext(DbContextOptions<SqlServerAliasServiceDbContext> options, SecretProtector protector)
    : ServerAliasServiceDbContext(options, protector)
{
    protected override string OrdinalCollation => "Latin1_General_100_BIN2";
}
