using System.Net.Sockets;
using AliasService.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AliasService.Infrastructure.IntegrationTests.Persistence;

/// <summary>Which failures mean "the database cannot serve now" (503) and which are bugs (500).</summary>
public sealed class DatabaseFailuresTests
{
    [Test]
    public void RetriesExhausted_IsUnavailable() =>
        DatabaseFailures.IsUnavailable(new RetryLimitExceededException("retries", new InvalidOperationException())).Should().BeTrue();

    [Test]
    public void ARefusedConnection_DeepInside_IsUnavailable() =>
        DatabaseFailures.IsUnavailable(new InvalidOperationException("outer", new IOException("io", new SocketException((int)SocketError.ConnectionRefused)))).Should().BeTrue();

    [Test]
    public void ATimeout_IsUnavailable() =>
        DatabaseFailures.IsUnavailable(new DbUpdateException("save", new TimeoutException())).Should().BeTrue();

    [Test]
    public void ABusySqliteDatabase_IsUnavailable() =>
        DatabaseFailures.IsUnavailable(new DbUpdateException("save", new SqliteException("database is locked", 5))).Should().BeTrue();

    [Test]
    public void AConstraintViolation_IsABug_NotAnOutage() =>
        DatabaseFailures.IsUnavailable(new DbUpdateException("save", new SqliteException("UNIQUE constraint failed", 19))).Should().BeFalse();

    [Test]
    public void AnUnrelatedFailure_IsNotAnOutage() =>
        DatabaseFailures.IsUnavailable(new InvalidOperationException("bug")).Should().BeFalse();
}
