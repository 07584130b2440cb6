using Microsoft.Extensions.Configuration.Json;

namespace AliasService.WebApi;

/// <summary>
/// <c>dotnet run --project src/WebApi</c> keeps the caller's directory as the content root, where no
/// appsettings.json is. The copy shipped beside the binary is added as the lowest-precedence source, so the
/// defaults hold from any directory and every other source (files in the content root, environment, command
/// line) still overrides them.
/// </summary>
internal static class ConfigurationDefaults
{
    public static IConfigurationBuilder AddShippedDefaults(this IConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
        return configuration;
    }
}
