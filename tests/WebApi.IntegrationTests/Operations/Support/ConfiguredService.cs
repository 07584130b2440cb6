using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using AliasService.WebApi.IntegrationTests.Support;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// The shared <see cref="AliasServiceFactory"/> (fresh storage unless one is handed in, real database, test clock) with operator
/// settings on top, given with <c>UseSetting</c> so the service sees them at start exactly as it would see
/// appsettings or environment values, and optionally every log it writes captured at Trace level.
/// </summary>
public sealed class ConfiguredService : IAsyncDisposable
{
    private readonly AliasServiceFactory _factory;
    private readonly WebApplicationFactory<Program> _host;
    private readonly bool _onKestrel;

    public ConfiguredService(
        IReadOnlyDictionary<string, string> settings,
        LogCapture? logs = null,
        LogCapture? shippedLevelLogs = null,
        Action<IServiceCollection>? replaceServices = null,
        bool kestrelOnLoopback = false,
        TestStorage? storage = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _factory = storage is null ? new AliasServiceFactory() : new AliasServiceFactory(storage);
        _host = _factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (logs is not null)
            {
                // A rule for this provider alone: the shipped Warning levels still apply to the console.
                builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<LogCapture>(null, LogLevel.Trace));
            }

            if (shippedLevelLogs is not null)
            {
                builder.ConfigureLogging(logging => logging.AddProvider(new ShippedLevelLogCapture(shippedLevelLogs)));
            }

            if (replaceServices is not null)
            {
                builder.ConfigureTestServices(replaceServices);
            }
        });
        _onKestrel = kestrelOnLoopback;
        if (kestrelOnLoopback)
        {
            // Real sockets on both loopbacks, each on a free port: clients connect from addresses of their choosing.
            _host.UseKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0);
                kestrel.Listen(IPAddress.IPv6Loopback, 0);
            });
        }

        Logs = logs;
        ShippedLevelLogs = shippedLevelLogs;
    }

    /// <summary>A service with the shipped settings, its logs captured twice: at Trace level, and at its configured levels.</summary>
    public static ConfiguredService WithLogCapture() => new(new Dictionary<string, string>(), new LogCapture(), new LogCapture());

    /// <summary>Every log entry, at every level and of every category.</summary>
    public LogCapture? Logs { get; }

    /// <summary>The log entries the service's configured levels let through (what its console shows an operator).</summary>
    public LogCapture? ShippedLevelLogs { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Where the service keeps its data; handed in, it outlives the service (a restart, another instance).</summary>
    public TestStorage Storage => _factory.Storage;

    /// <summary>The service's current time in Unix seconds (the test clock; it only moves when a test moves it).</summary>
    public long Now => _factory.Now;

    /// <summary>The service's clock, to move time forward.</summary>
    public FakeTimeProvider Clock => _factory.Clock;

    /// <summary>Starts the service (booting, migrating) without sending a request.</summary>
    public void Start()
    {
        _host.StartServer();
    }

    /// <summary>Creates an organization the way the command line does, through the application's own command.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync(string name = "Acme")
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateOrganizationCommand(name));
        return new TestOrganization(created.OrganizationId, created.ApiKey, created.ApiSecret);
    }

    /// <summary>A valid organization token for the service's current time.</summary>
    public string OrganizationToken(TestOrganization organization) => TestJwt.ForOrganization(organization, Now).Encode();

    /// <summary>
    /// A client that signs every request with a fresh organization token unless the request carries its own
    /// Authorization; <paramref name="sentAuthorizations"/> receives every Authorization value it sends.
    /// </summary>
    public HttpClient CreateClientFor(TestOrganization organization, ICollection<string>? sentAuthorizations = null) =>
        _onKestrel
            ? new HttpClient(new OrganizationTokenHandler(this, organization, sentAuthorizations) { InnerHandler = new SocketsHttpHandler() })
            {
                BaseAddress = ListenerFor(AddressFamily.InterNetwork),
            }
            : _host.CreateDefaultClient(new OrganizationTokenHandler(this, organization, sentAuthorizations));

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient() => _onKestrel ? CreateClientFrom(IPAddress.Loopback) : _host.CreateClient();

    /// <summary>
    /// A client of a service on Kestrel that connects from <paramref name="localAddress"/> (any loopback address,
    /// e.g. 127.0.0.2) to the service's listener of the same address family.
    /// </summary>
    public HttpClient CreateClientFrom(IPAddress localAddress)
    {
        ArgumentNullException.ThrowIfNull(localAddress);
        return LoopbackClient.From(localAddress, ListenerFor(localAddress.AddressFamily));
    }

    private Uri ListenerFor(AddressFamily family) =>
        _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .First(uri => IPAddress.Parse(uri.Host.Trim('[', ']')).AddressFamily == family);

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _host.CreateClient(options);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed class OrganizationTokenHandler(ConfiguredService service, TestOrganization organization, ICollection<string>? sent)
        : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", service.OrganizationToken(organization));
            if (sent is not null)
            {
                lock (sent)
                {
                    sent.Add(request.Headers.Authorization.Parameter ?? string.Empty);
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
