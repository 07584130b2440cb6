using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

/// <summary>The PostgreSQL flavour of the model; owns <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlAliasServiceDbContext(DbContextOptions<PostgreSqlAliasServiceDbContext> options, SecretProtector protector)
    : ServerAliasServiceDbContext(options, protector)
{
    protected override string OrdinalCollation => "C";
}
