using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AliasService.WebApi.IntegrationTests.Operations;

/// <summary>
/// OpenTelemetry is off unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: without it nothing is collected or
/// exported and the service serves as usual; with it, traces and metrics are registered (the endpoint here is
/// a loopback port; nothing needs to listen on it).
/// </summary>
public sealed class OpenTelemetryRegistrationTests
{
    private const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    [Test]
    public async Task WithoutOtlpEndpoint_NoTracerOrMeterProviderIsRegistered_AndTheServiceServes()
    {
        Assume.That(Environment.GetEnvironmentVariable(EndpointSetting), Is.Null.Or.Empty, "the test process itself sets " + EndpointSetting);
        await using var factory = new AliasServiceFactory();
        var organization = await factory.CreateOrganizationAsync();
        using var client = factory.CreateClientFor(organization);

        using var response = await client.GetAsync(Routes.List);

        await response.ReadJsonAsync(HttpStatusCode.OK);
        factory.Services.GetService<TracerProvider>().Should().BeNull();
        factory.Services.GetService<MeterProvider>().Should().BeNull();
    }

    [Test]
    public async Task WithOtlpEndpoint_TracerAndMeterProvidersAreRegistered_AndTheServiceServes()
    {
        await using var service = new ConfiguredService(new Dictionary<string, string>
        {
            [EndpointSetting] = "http://127.0.0.1:4317",

            // Nothing listens there: the export on shutdown gives up after half a second instead of the default ten.
            ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "500",
        });
        var organization = await service.CreateOrganizationAsync();
        using var client = service.CreateClientFor(organization);

        using var response = await client.GetAsync(Routes.List);

        await response.ReadJsonAsync(HttpStatusCode.OK);
        service.Services.GetService<TracerProvider>().Should().NotBeNull();
        service.Services.GetService<MeterProvider>().Should().NotBeNull();
    }
}
