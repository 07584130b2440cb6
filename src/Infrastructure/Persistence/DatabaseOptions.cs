namespace AliasService.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations on start. Default: on for SQLite, off for the server databases.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>SQLite only: how far a commit is flushed before it is acknowledged (see <see cref="SqliteSynchronous"/>).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>A database server shared by several instances (PostgreSQL, SQL Server), as opposed to the SQLite file.</summary>
    public bool IsServer => Provider != DatabaseProvider.Sqlite;
}
