namespace AliasService.Infrastructure.Persistence;

/// <summary>The database engines AliasService runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file under the data folder; created and migrated on start (the default).</summary>
    Sqlite,

    /// <summary>SQL Server via <c>ConnectionStrings:AliasService</c>; migrated by the deployment (<c>db migrate</c> or the generated script).</summary>
    SqlServer,

    /// <summary>PostgreSQL via <c>ConnectionStrings:AliasService</c>; migrated by the deployment (<c>db migrate</c>).</summary>
    PostgreSql,
}
