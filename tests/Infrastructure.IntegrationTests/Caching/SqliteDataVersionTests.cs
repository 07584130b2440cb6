using AliasService.Infrastructure.Caching;
using Microsoft.Data.Sqlite;

namespace AliasService.Infrastructure.IntegrationTests.Caching;

/// <summary>
/// <see cref="SqliteDataVersion"/> with several probes (as under concurrent requests): a commit by another connection
/// empties the caches once, not once per probe, and a commit after that is still reported.
/// </summary>
public sealed class SqliteDataVersionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aliasservice-dataversion-").FullName;

    [Test]
    public void ACommitByAnotherConnection_IsReportedOnce_AndALaterOneAgain()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "db.sqlite"), Pooling = false }.ToString();
        using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode = WAL; CREATE TABLE t (v INTEGER);");
        using var version = new SqliteDataVersion(connectionString);

        // Two probes: a check that runs while another is under way takes a second one (each new probe reports once).
        var drops = 0;
        version.Check(() =>
        {
            drops++;
            version.Check(() => drops++);
        });
        drops.Should().Be(2);
        version.Check(() => drops++).Should().Be(SqliteDataVersion.State.Unchanged);
        version.Check(() => drops++).Should().Be(SqliteDataVersion.State.Unchanged);

        // A check inside onChange takes the other probe (the first is still in use), as a concurrent request would.
        drops = 0;
        var other = SqliteDataVersion.State.Unknown;
        Execute(writer, "INSERT INTO t VALUES (1);");
        version.Check(() =>
        {
            drops++;
            other = version.Check(() => drops++);
        }).Should().Be(SqliteDataVersion.State.Changed);
        other.Should().Be(SqliteDataVersion.State.Unchanged, "the idle probe looked before the caches were emptied");
        drops.Should().Be(1);

        // A commit after the idle probe looked is reported by it.
        Execute(writer, "INSERT INTO t VALUES (2);");
        version.Check(() =>
        {
            Execute(writer, "INSERT INTO t VALUES (3);");
            other = version.Check(() => { });
        }).Should().Be(SqliteDataVersion.State.Changed);
        other.Should().Be(SqliteDataVersion.State.Changed);

        // The first probe looked before that commit too, so it reports it as well; then both are up to date.
        version.Check(() => { }).Should().Be(SqliteDataVersion.State.Changed);
        version.Check(() => { }).Should().Be(SqliteDataVersion.State.Unchanged);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-owned SQL text.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
