using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using AliasService.Infrastructure.Caching;
using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// The EF Core model shared by every provider. Each provider has a derived context type so that each keeps its own
/// migrations (<see cref="SqliteAliasServiceDbContext"/>, <see cref="PostgreSqlAliasServiceDbContext"/>,
/// <see cref="SqlServerAliasServiceDbContext"/>).
/// </summary>
public abstract class AliasServiceDbContext(DbContextOptions options, SecretProtector protector) : DbContext(options), IUnitOfWork
{
    public DbSet<Alias> Aliases => Set<Alias>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<JwtKey> JwtKeys => Set<JwtKey>();

    /// <summary>The protector the protected-column interceptors use for this context.</summary>
    internal SecretProtector Protector { get; } = protector;

    /// <summary>Keys of changes saved in a transaction that has not committed yet (see <see cref="CommittedChangesPublisher"/>).</summary>
    internal HashSet<CacheKey> UncommittedCacheKeys { get; } = [];

    /// <summary>The SQLite write gate while this context holds it (see <see cref="SqliteWriteGate"/>).</summary>
    internal SqliteWriteGate? WriteGate { get; set; }

    public override void Dispose()
    {
        SqliteWriteGate.Release(this);
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteWriteGate.Release(this);
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex);
        }
    }

    void IUnitOfWork.DiscardChanges() => ChangeTracker.Clear();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // The same instances for every context, whatever registers it (the host, dotnet ef, tests).
        optionsBuilder.AddInterceptors(ProtectedColumnReader.Instance, ProtectedColumnWriter.Instance);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AliasServiceDbContext).Assembly);
    }
}
