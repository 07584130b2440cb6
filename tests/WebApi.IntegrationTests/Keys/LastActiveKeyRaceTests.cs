using System.Net;
using System.Net.Http.Headers;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Organizations;
using AliasService.WebApi.IntegrationTests.Keys.Support;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Keys;

/// <summary>
/// "The last active API key cannot be revoked" holds under concurrency: two revocations of an organization's last
/// two active keys, sent at once over real sockets, with both requests made to read the keys before either
/// saves, end with exactly one 200 and one 400, and the organization keeps one active key.
/// </summary>
public sealed class LastActiveKeyRaceTests
{
    private readonly Rendezvous _rendezvous = new();
    private ConfiguredService _service = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _service = new ConfiguredService(new Dictionary<string, string>(), replaceServices: HoldOrganizationReads, kestrelOnLoopback: true);
        _service.Start();
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await _service.DisposeAsync();

    [Repeat(5)]
    [Test]
    public async Task TwoConcurrentRevocationsOfTheLastTwoKeys_ExactlyOneSucceeds()
    {
        var organization = await _service.CreateOrganizationAsync();
        using var client = _service.CreateClientFor(organization);
        TestOrganization second;
        using (var created = await client.PostAsync(Routes.ApiKeys, null))
        {
            var key = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data");
            second = organization with { ApiKeyId = key.Text("id")!, ApiSecret = key.Text("secret")! };
        }

        TestOrganization[] asKey = [organization, second];
        var token = _service.OrganizationToken(organization);

        _rendezvous.Arm(2);
        var revocations = asKey.Select(async key =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, Routes.ApiKey(key.ApiKeyId));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        var answers = await Task.WhenAll(revocations);

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.BadRequest], string.Join("; ", answers));
        var refused = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
        answers[refused].Body.Should().Contain("last active API key");
        using var survivor = _service.CreateClientFor(asKey[refused]);
        (await ActiveKeyIdsAsync(survivor)).Should().Equal(asKey[refused].ApiKeyId);
    }

    private static async Task<List<string>> ActiveKeyIdsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Routes.ApiKeys);
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeListOf(KeyJson.ApiKeyFields).Entries
            .Where(k => k.GetProperty("revoked_at").ValueKind == System.Text.Json.JsonValueKind.Null)
            .Select(k => k.Text("id")!)
            .ToList();
    }

    /// <summary>Every read of an organization waits at the rendezvous (when armed) after loading it.</summary>
    private void HoldOrganizationReads(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IOrganizationRepository));
        services.Remove(registered);
        services.AddScoped<IOrganizationRepository>(provider => new HeldOrganizationRepository(
            (IOrganizationRepository)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!), _rendezvous));
    }

    private sealed class HeldOrganizationRepository(IOrganizationRepository inner, Rendezvous rendezvous) : IOrganizationRepository
    {
        public async Task<Organization?> FindAsync(string organizationId, CancellationToken cancellationToken)
        {
            var organization = await inner.FindAsync(organizationId, cancellationToken);
            await rendezvous.ArriveAsync();
            return organization;
        }

        public void Add(Organization organization) => inner.Add(organization);
    }
}
