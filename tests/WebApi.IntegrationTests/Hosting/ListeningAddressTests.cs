using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AliasService.WebApi.Hosting;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace AliasService.WebApi.IntegrationTests.Hosting;

/// <summary>
/// The standard ASP.NET Core address settings decide where the built service listens, each tried on a real process
/// on a free loopback port; <c>http://localhost:5080</c> applies only when none of them is set.
/// </summary>
public sealed class ListeningAddressTests
{
    private int _port;

    [SetUp]
    public void PickFreePort() => _port = ServiceProcess.FreePort();

    [TestCase("ASPNETCORE_URLS")]
    [TestCase("DOTNET_URLS")]
    [TestCase("URLS")]
    public async Task UrlsVariable_IsWhereTheServiceListens(string variable)
    {
        await using var service = await ServiceProcess.StartAsync(environment: new Dictionary<string, string> { [variable] = Loopback("http") });

        await ShouldListenOnlyOnTheChosenPortAsync(service, "http");
    }

    [TestCase("ASPNETCORE_HTTP_PORTS")]
    [TestCase("DOTNET_HTTP_PORTS")]
    [TestCase("HTTP_PORTS")]
    public async Task HttpPortsVariable_IsWhereTheServiceListens(string variable)
    {
        await using var service = await ServiceProcess.StartAsync(environment: new Dictionary<string, string> { [variable] = Port });

        await ShouldListenOnlyOnTheChosenPortAsync(service, "http");
    }

    [Test]
    public async Task HttpsPortsVariable_IsWhereTheServiceListens()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"aliasservice-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedLocalhostPfx("test-password"));
        try
        {
            await using var service = await ServiceProcess.StartAsync(environment: new Dictionary<string, string>
            {
                ["ASPNETCORE_HTTPS_PORTS"] = Port,
                ["Kestrel__Certificates__Default__Path"] = certificate,
                ["Kestrel__Certificates__Default__Password"] = "test-password",
            });

            await ShouldListenOnlyOnTheChosenPortAsync(service, "https");
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Test]
    public async Task UrlsArgument_IsWhereTheServiceListens()
    {
        await using var service = await ServiceProcess.StartAsync(["--urls", Loopback("http")]);

        await ShouldListenOnlyOnTheChosenPortAsync(service, "http");
    }

    [Test]
    public async Task UrlsArgument_WinsOverTheUrlsVariable()
    {
        var other = ServiceProcess.FreePort();

        await using var service = await ServiceProcess.StartAsync(
            ["--urls", Loopback("http")],
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{other}" });

        await ShouldListenOnlyOnTheChosenPortAsync(service, "http");
    }

    [Test]
    public async Task KestrelEndpoint_IsWhereTheServiceListens()
    {
        await using var service = await ServiceProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Api__Url"] = Loopback("http"),
        });

        await ShouldListenOnlyOnTheChosenPortAsync(service, "http");
    }

    [Test]
    public void NoAddressSetting_ListensOnLocalhost5080()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.ListenOnDefaultUnlessConfigured();

        builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey).Should().Be("http://localhost:5080");
    }

    [TestCase("urls", "http://127.0.0.1:8080")]
    [TestCase("http_ports", "8080")]
    [TestCase("https_ports", "8443")]
    [TestCase("Kestrel:Endpoints:Api:Url", "http://127.0.0.1:8080")]
    public void AnyAddressSetting_KeepsTheDefaultAway(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        ListeningAddresses.AreConfigured(configuration).Should().BeTrue();
    }

    private string Port => _port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Loopback(string scheme) => $"{scheme}://127.0.0.1:{_port}";

    private async Task ShouldListenOnlyOnTheChosenPortAsync(ServiceProcess service, string scheme)
    {
        service.Addresses.Should().NotBeEmpty("Kestrel reports its addresses: {0}", service.Output);
        service.Addresses.Should().OnlyContain(a => a.StartsWith(scheme + "://", StringComparison.Ordinal) && new Uri(a).Port == _port, service.Output);

        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(new Uri($"{scheme}://127.0.0.1:{_port}/health/live"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static byte[] SelfSignedLocalhostPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
