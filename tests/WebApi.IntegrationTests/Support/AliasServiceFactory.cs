using System.Net.Http.Headers;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// The service as a user meets it: the real pipeline over a real database (a SQLite file, or a PostgreSQL database when
/// the run is switched to it, see <see cref="TestStorage"/>) and a data folder of its own (both deleted on dispose unless
/// the storage was handed in), with a controllable clock that starts at the real current second.
/// </summary>
public sealed class AliasServiceFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsStorage;
    private readonly Action<IServiceCollection>? _replaceServices;

    /// <summary>A service over fresh, empty storage, optionally with some of its services replaced.</summary>
    public AliasServiceFactory(Action<IServiceCollection>? replaceServices = null)
        : this(TestStorage.Create(), ownsStorage: true, replaceServices)
    {
    }

    /// <summary>A service over existing storage (a "restart", or another instance); the storage is left in place on dispose.</summary>
    public AliasServiceFactory(TestStorage storage, Action<IServiceCollection>? replaceServices = null)
        : this(storage, ownsStorage: false, replaceServices)
    {
    }

    private AliasServiceFactory(TestStorage storage, bool ownsStorage, Action<IServiceCollection>? replaceServices)
    {
        Storage = storage;
        _ownsStorage = ownsStorage;
        _replaceServices = replaceServices;
    }

    public TestStorage Storage { get; }

    public string DataFolder => Storage.DataFolder;

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
        foreach (var (key, value) in Storage.Settings)
        {
            builder.UseSetting(key, value);
        }

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
        if (_ownsStorage)
        {
            await Storage.DisposeAsync();
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
