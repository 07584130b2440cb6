namespace AliasService.Infrastructure;

/// <summary>
/// The folders the service writes to, created (the key ring's owner-only) as the first start-up step, before the
/// database is opened or a key is written; never while services are being registered.
/// </summary>
internal sealed class StorageFolders(string? dataFolder, string? keyRingFolder)
{
    /// <summary>The data folder, when the database is SQLite (its default file lives there).</summary>
    public string? DataFolder { get; } = dataFolder;

    /// <summary>The key ring folder, when the key ring is kept in a folder.</summary>
    public string? KeyRingFolder { get; } = keyRingFolder;

    public void Create()
    {
        if (DataFolder is not null)
        {
            Directory.CreateDirectory(DataFolder);
        }

        if (KeyRingFolder is not null)
        {
            var folder = Directory.CreateDirectory(KeyRingFolder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }
}
