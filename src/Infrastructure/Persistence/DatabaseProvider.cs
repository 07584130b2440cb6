namespace AliasService.Infrastructure.Persistence;

/// <summary>The database engines AliasService runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file under the data folder; created and migrated on start (the default).</summary>
    Sqlite,

    /// <summary>SQL Server via <c>ConnectionStrings:AliasService</c>; migrated by an operator with the generated script.</summary>
    SqlServer,
}
