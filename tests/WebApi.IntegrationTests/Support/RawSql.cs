using Microsoft.Data.Sqlite;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// Plain SQL on a service's SQLite file, past EF Core and the service: what someone with write access to the
/// database (but not to the key ring) can do. A connection of its own, not pooled, for every statement.
/// </summary>
public static class RawSql
{
    public static int Execute(string databasePath, string sql, params (string Name, object Value)[] parameters) =>
        Run(databasePath, sql, parameters, command => command.ExecuteNonQuery());

    public static object? Scalar(string databasePath, string sql, params (string Name, object Value)[] parameters) =>
        Run(databasePath, sql, parameters, command => command.ExecuteScalar());

    private static T Run<T>(string databasePath, string sql, (string Name, object Value)[] parameters, Func<SqliteCommand, T> execute)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-owned SQL text; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return execute(command);
    }
}
