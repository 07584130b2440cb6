namespace AliasService.WebApi.Hosting;

/// <summary>
/// Where the server listens. The standard ASP.NET Core settings decide: <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>, <c>ASPNETCORE_HTTPS_PORTS</c> (also with the <c>DOTNET_</c> prefix or none),
/// <c>--urls</c>, <c>--http_ports</c>, or endpoints under <c>Kestrel:Endpoints</c>. Only when none of them is set does the
/// service listen on <see cref="Default"/>, so a container's <c>ASPNETCORE_HTTP_PORTS=8080</c> is never overridden.
/// </summary>
internal static class ListeningAddresses
{
    public const string Default = "http://localhost:5080";

    /// <summary>The keys the host reads those settings under, whatever their source (environment, command line, file).</summary>
    private static readonly string[] AddressKeys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];

    public static bool AreConfigured(IConfiguration configuration) =>
        AddressKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    public static WebApplicationBuilder ListenOnDefaultUnlessConfigured(this WebApplicationBuilder builder)
    {
        if (!AreConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }
}
