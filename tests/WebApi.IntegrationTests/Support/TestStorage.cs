using System.Data.Common;
using AliasService.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// Where a test service keeps its data: a data folder and a database. The database is a SQLite file in the data folder
/// by default; with <c>ALIASSERVICE_TEST_PROVIDER=PostgreSql</c> it is a fresh database created on the server that
/// <c>ALIASSERVICE_TEST_POSTGRES</c> names (a connection string of a user allowed to create databases), dropped on
/// dispose. <c>scripts/test-postgres.sh</c> sets both. Several services on one storage are restarts of one installation,
/// or instances sharing its database.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string ProviderVariable = "ALIASSERVICE_TEST_PROVIDER";
    public const string PostgresVariable = "ALIASSERVICE_TEST_POSTGRES";
    public const string SqliteFileName = "aliasservice.db";

    private readonly bool _ownsFolder;
    private readonly string? _serverDatabase;

    private TestStorage(string dataFolder, bool ownsFolder, string? connectionString, string? serverDatabase)
    {
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
        ConnectionString = connectionString;
        _serverDatabase = serverDatabase;
    }

    /// <summary>The provider every test service of this run uses.</summary>
    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary>True when the run uses a database server (instances then share only the database, not a folder).</summary>
    public static bool IsServer => Provider != DatabaseProvider.Sqlite;

    public string DataFolder { get; }

    /// <summary>The server database's connection string; null with SQLite, whose file lives in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; }

    /// <summary>The settings that point a service at this storage, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string> Settings => ConnectionString is null
        ? new Dictionary<string, string> { ["DataFolder"] = DataFolder }
        : new Dictionary<string, string>
        {
            ["DataFolder"] = DataFolder,
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:AliasService"] = ConnectionString,

            // Server databases are not migrated on start in production; a test database is brand new each time.
            ["Database:MigrateOnStartup"] = "true",
        };

    /// <summary>A fresh data folder and, on a server, a fresh empty database.</summary>
    public static TestStorage Create()
    {
        var folder = Directory.CreateTempSubdirectory("aliasservice-it-").FullName;
        if (!IsServer)
        {
            return new TestStorage(folder, ownsFolder: true, null, null);
        }

        var name = "aliasservice_it_" + Guid.NewGuid().ToString("N")[..16];
        ExecuteOnServer($"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name };
        return new TestStorage(folder, ownsFolder: true, database.ConnectionString, name);
    }

    /// <summary>
    /// A second instance's storage on the same database. On a server it has a data folder of its own, as an instance on
    /// another machine would; a SQLite database is a file in the data folder, so there the instances share the folder.
    /// </summary>
    /// Dispose it before this storage; the database stays with this storage.
    public TestStorage SharingTheDatabase() => IsServer
        ? new TestStorage(Directory.CreateTempSubdirectory("aliasservice-it-").FullName, ownsFolder: true, ConnectionString, null)
        : new TestStorage(DataFolder, ownsFolder: false, null, null);

    /// <summary>
    /// Every value of every column of every table, read as stored (plain ADO.NET: no EF Core, no converters), as bytes:
    /// text as UTF-8, binary columns as they are.
    /// </summary>
    public async Task<List<(string Table, string Column, byte[] Value)>> ReadAllColumnsAsync()
    {
        await using var connection = Open();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = IsServer
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var values = new List<(string, string, byte[])>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the database's own catalogue.
            select.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var bytes = value switch
                    {
                        byte[] raw => raw,
                        DBNull => [],
                        _ => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    };
                    values.Add((table, reader.GetName(i), bytes));
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Runs plain SQL on the database, past EF Core and the service: what someone with write access to the database
    /// (but not to the key ring) can do. Quote identifiers (<c>"aliases"."Passcode"</c>) and name parameters
    /// <c>@name</c>, which both providers understand.
    /// </summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(readOnly: false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a plain SQL query (see <see cref="ExecuteAsync"/>).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(readOnly: false);
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections keep a SQLite file (and its -wal/-shm files) open after the host has stopped.
        SqliteConnection.ClearAllPools();
        if (_serverDatabase is not null)
        {
            await Task.Run(() => ExecuteOnServer($"DROP DATABASE IF EXISTS \"{_serverDatabase}\" WITH (FORCE)"));
        }

        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ProviderVariable}={Provider} needs {PostgresVariable}, a connection string of a user allowed to create databases (scripts/test-postgres.sh sets it).");

    private static void ExecuteOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-owned SQL: a generated database name.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-owned SQL text; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private DbConnection Open(bool readOnly = true)
    {
        DbConnection connection = IsServer
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(DataFolder, SqliteFileName),
                Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
        connection.Open();
        return connection;
    }
}
