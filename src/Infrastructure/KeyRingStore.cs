namespace AliasService.Infrastructure;

/// <summary>Where the Data Protection key ring is kept (<c>DataProtection:KeyRing</c>).</summary>
public enum KeyRingStore
{
    /// <summary>A folder of XML files (<c>KeysFolder</c>, by default <c>{DataFolder}/keys</c>); the default with SQLite.</summary>
    Folder,

    /// <summary>The <c>DataProtectionKeys</c> table of the server database; the default with PostgreSQL and SQL Server.</summary>
    Database,
}
