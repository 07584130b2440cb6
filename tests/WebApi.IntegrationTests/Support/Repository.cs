namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>Files of the repository the tests run from (found by walking up to <c>AliasService.sln</c>).</summary>
public static class Repository
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AliasService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("AliasService.sln not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);
}
