namespace AliasService.Infrastructure;

/// <summary>Where the service keeps its files: the SQLite database and the Data Protection key ring.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// The data folder. Default: <c>AliasService</c> under the user's local application data folder
    /// (<c>~/.local/share/AliasService</c> on Linux), so the server and the command line share one database
    /// whatever directory they are started from. A relative path is taken from the current directory.
    /// </summary>
    public string? DataFolder { get; set; }

    /// <summary>Data Protection key ring folder; defaults to <c>{DataFolder}/keys</c>.</summary>
    public string? KeysFolder { get; set; }

    public string ResolveDataFolder()
    {
        if (!string.IsNullOrWhiteSpace(DataFolder))
        {
            return Path.GetFullPath(DataFolder);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(local) ? AppContext.BaseDirectory : local, "AliasService");
    }

    public string ResolveKeysFolder() =>
        string.IsNullOrWhiteSpace(KeysFolder) ? Path.Combine(ResolveDataFolder(), "keys") : Path.GetFullPath(KeysFolder);
}
