using System.Net.Http.Headers;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// The service as a user meets it: the real pipeline over a real SQLite file in a data folder of its own
/// (deleted on dispose unless it was handed in), with a controllable clock that starts at the real current second.
/// </summary>
public sealed class AliasServiceFactory : WebApplicationFactory<Program>
{
    public const string DatabaseFileName = "aliasservice.db";

    private readonly bool _ownsDataFolder;
    private readonly Action<IServiceCollection>? _replaceServices;

    /// <summary>A service over a fresh, empty data folder, optionally with some of its services replaced.</summary>
    public AliasServiceFactory(Action<IServiceCollection>? replaceServices = null)
        : this(Directory.CreateTempSubdirectory("aliasservice-it-").FullName, ownsDataFolder: true, replaceServices)
    {
    }

    /// <summary>A service over an existing data folder (a "restart"); the folder is left in place on dispose.</summary>
    public AliasServiceFactory(string dataFolder)
        : this(dataFolder, ownsDataFolder: false, replaceServices: null)
    {
    }

    private AliasServiceFactory(string dataFolder, bool ownsDataFolder, Action<IServiceCollection>? replaceServices)
    {
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
        _replaceServices = replaceServices;
    }

    public string DataFolder { get; }

    /// <summary>A started service on real Kestrel, on a free loopback port, for tests where sockets and connections matter.</summary>
    public static AliasServiceFactory StartOnKestrel()
    {
        var service = new AliasServiceFactory();
        service.UseKestrel(0);
        service.StartServer();
        return service;
    }

    public string DatabasePath => Path.Combine(DataFolder, DatabaseFileName);

    /// <summary>The service's clock. It only moves when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>The service's current time in Unix seconds.</summary>
    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Creates an organization the way the command line does, through the application's own command.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync(string name = "Acme")
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateOrganizationCommand(name));
        return new TestOrganization(created.OrganizationId, created.ApiKey, created.ApiSecret);
    }

    /// <summary>A client that signs every request with a fresh organization token, unless the request carries its own Authorization.</summary>
    public HttpClient CreateClientFor(TestOrganization organization) =>
        CreateDefaultClient(new OrganizationTokenHandler(this, organization));

    /// <summary>A valid organization token for the service's current time.</summary>
    public string OrganizationToken(TestOrganization organization) => TestJwt.ForOrganization(organization, Now).Encode();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataFolder", DataFolder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _replaceServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Pooled connections keep the database (and its -wal/-shm files) open after the host has stopped.
        SqliteConnection.ClearAllPools();
        if (_ownsDataFolder)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the run over it is not.
            }
        }
    }

    private sealed class OrganizationTokenHandler(AliasServiceFactory factory, TestOrganization organization) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", factory.OrganizationToken(organization));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
