using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliasService.Infrastructure.IntegrationTests.TestSupport;

/// <summary>
/// A private in-memory SQLite database per test, alive as long as its open connection, with the schema from
/// <c>EnsureCreated</c>, and one <see cref="SecretProtector"/> for every context.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public static readonly SecretProtector Protector = new(new EphemeralDataProtectionProvider(), NullLogger<SecretProtector>.Instance);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestDatabase()
    {
        _connection.Open();
        using var context = NewContext();
        context.Database.EnsureCreated();
    }

    /// <summary>The raw connection, for reading columns as stored (no EF Core, no converters).</summary>
    public SqliteConnection Connection => _connection;

    public SqliteAliasServiceDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteAliasServiceDbContext>().UseSqlite(_connection).Options, Protector);

    /// <summary>Adds the entities in a fresh context and saves them.</summary>
    public void Seed(params object[] entities)
    {
        using var context = NewContext();
        context.AddRange(entities);
        context.SaveChanges();
    }

    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
#pragma warning disable CA2100 // Test-owned SQL text; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}
