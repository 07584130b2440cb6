using System.Net.Http.Headers;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using AliasService.WebApi.IntegrationTests.Support;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    public ConfiguredService(
        IReadOnlyDictionary<string, string> settings,
        LogCapture? logs = null,
        LogCapture? shippedLevelLogs = null,
        Action<IServiceCollection>? replaceServices = null,
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

    /// <summary>The service's current time in Unix seconds (the test clock; it only moves when a test moves it).</summary>
    public long Now => _factory.Now;

    /// <summary>Starts the service (booting, migrating) without sending a request.</summary>
    public void Start() => _ = _host.Server;

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
        _host.CreateDefaultClient(new OrganizationTokenHandler(this, organization, sentAuthorizations));

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient() => _host.CreateClient();

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
