using AliasService.Infrastructure.Caching;
using Microsoft.Data.Sqlite;

namespace AliasService.Infrastructure.IntegrationTests.Caching;

/// <summary>
/// <see cref="SqliteDataVersion"/> with several probes (as under concurrent requests): a commit to a cached table by
/// another connection empties the caches once, not once per probe, and a commit after that is still reported; a commit
/// to any other table (the access events) empties nothing; a commit names the cached tables it changed.
/// </summary>
public sealed class SqliteDataVersionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aliasservice-dataversion-").FullName;

    [Test]
    public void ACommitByAnotherConnection_IsReportedOnce_AndALaterOneAgain()
    {
        var (connectionString, writer) = NewFile("db.sqlite");
        using var _ = writer;

        using var version = new SqliteDataVersion(connectionString);

        // Two probes: a check that runs while another is under way takes a second one (each new probe reports once).
        var drops = 0;
        version.Check(_ =>
        {
            drops++;
            version.Check(_ => drops++);
        });
        drops.Should().Be(2);
        version.Check(_ => drops++).Should().Be(SqliteDataVersion.State.Unchanged);
        version.Check(_ => drops++).Should().Be(SqliteDataVersion.State.Unchanged);

        // A check inside onChange takes the other probe (the first is still in use), as a concurrent request would.
        drops = 0;
        var other = SqliteDataVersion.State.Unknown;
        Execute(writer, "INSERT INTO aliases VALUES (1);");
        version.Check(_ =>
        {
            drops++;
            other = version.Check(_ => drops++);
        }).Should().Be(SqliteDataVersion.State.Changed);
        other.Should().Be(SqliteDataVersion.State.Unchanged, "the idle probe looked before the caches were emptied");
        drops.Should().Be(1);

        // A commit after the idle probe looked is reported by it.
        Execute(writer, "INSERT INTO aliases VALUES (2);");
        version.Check(_ =>
        {
            Execute(writer, "INSERT INTO aliases VALUES (3);");
            other = version.Check(_ => { });
        }).Should().Be(SqliteDataVersion.State.Changed);
        other.Should().Be(SqliteDataVersion.State.Changed);

        // The first probe looked before that commit too, so it reports it as well; then both are up to date.
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Changed);
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Unchanged);
    }

    [Test]
    public void CommitsToOtherTables_AreNotReported_ButAnUpdateOrDeleteOfACachedRowIs()
    {
        var (connectionString, writer) = NewFile("other.sqlite");
        using var _ = writer;

        Execute(writer, "INSERT INTO aliases VALUES (1);");
        using var version = new SqliteDataVersion(connectionString);
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Changed, "a new probe has seen nothing yet");

        Execute(writer, "INSERT INTO access_events VALUES (1); INSERT INTO access_events VALUES (2);");
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Unchanged, "access events are not cached");

        Execute(writer, "UPDATE aliases SET v = 2;");
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Changed);
        Execute(writer, "DELETE FROM aliases;");
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Changed);
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Unchanged);
    }

    [Test]
    public void WhileNothingIsCommittedLooksAnswerUnchanged_AndEveryLaterCommitIsStillReported_AlsoAfterTheLogRestarts()
    {
        var (connectionString, writer) = NewFile("quiet.sqlite");
        using var _ = writer;

        using var version = new SqliteDataVersion(connectionString);
        version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Changed, "a new probe has seen nothing yet");
        for (var round = 1; round <= 3; round++)
        {
            for (var look = 0; look < 5; look++)
            {
                version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Unchanged);
            }

            if (round == 3)
            {
                // A checkpoint that truncates the log: the next commit starts a new log from its first frame.
                Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE);");
                version.Check(_ => { }).Should().Be(SqliteDataVersion.State.Unchanged, "a checkpoint changes no row");
            }

            Execute(writer, $"INSERT INTO aliases VALUES ({round});");
            var emptied = 0;
            version.Check(_ => emptied++).Should().Be(SqliteDataVersion.State.Changed, $"commit {round} changed a cached table");
            emptied.Should().Be(1);
        }
    }

    [Test]
    public void ACommitReportsTheCachedTablesItChanged_AndOnlyThose()
    {
        var (connectionString, writer) = NewFile("tables.sqlite");
        using var _ = writer;
        Execute(writer, "CREATE TABLE api_keys (v INTEGER);");
        foreach (var statement in SqliteCacheGeneration.TriggerStatements("api_keys"))
        {
            Execute(writer, statement);
        }

        using var version = new SqliteDataVersion(connectionString);
        IReadOnlyCollection<string> reported = [];
        version.Check(tables => reported = tables).Should().Be(SqliteDataVersion.State.Changed);
        reported.Should().Equal(SqliteCacheGeneration.CachedTables, "a new probe has seen nothing yet");

        Execute(writer, "INSERT INTO aliases VALUES (1); INSERT INTO access_events VALUES (1);");
        version.Check(tables => reported = tables).Should().Be(SqliteDataVersion.State.Changed);
        reported.Should().Equal("aliases");

        Execute(writer, "UPDATE api_keys SET v = 1; INSERT INTO api_keys VALUES (1);");
        version.Check(tables => reported = tables).Should().Be(SqliteDataVersion.State.Changed);
        reported.Should().Equal("api_keys");

        Execute(writer, "BEGIN; DELETE FROM aliases; DELETE FROM api_keys; COMMIT;");
        version.Check(tables => reported = tables).Should().Be(SqliteDataVersion.State.Changed);
        reported.Should().Equal("aliases", "api_keys");
    }

    [Test]
    public void AFileWithoutTheGeneration_IsUnknown_SoNothingCachedIsTrusted()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "old.sqlite"), Pooling = false }.ToString();
        using var version = new SqliteDataVersion(connectionString);
        var emptied = false;
        version.Check(_ => emptied = true).Should().Be(SqliteDataVersion.State.Unknown);
        emptied.Should().BeTrue();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A file in WAL mode with a cached table (<c>aliases</c>, counted by the generation) and one that is not.</summary>
    private (string ConnectionString, SqliteConnection Writer) NewFile(string name)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, name), Pooling = false }.ToString();
        var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode = WAL; CREATE TABLE aliases (v INTEGER); CREATE TABLE access_events (v INTEGER);");
        foreach (var statement in SqliteCacheGeneration.TableStatements().Concat(SqliteCacheGeneration.TriggerStatements("aliases")))
        {
            Execute(writer, statement);
        }

        return (connectionString, writer);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-owned SQL text.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
