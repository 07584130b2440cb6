using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

/// <summary>The SQLite flavour of the model; owns <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteAliasServiceDbContext(DbContextOptions<SqliteAliasServiceDbContext> options, SecretProtector protector)
    : AliasServiceDbContext(options, protector);
