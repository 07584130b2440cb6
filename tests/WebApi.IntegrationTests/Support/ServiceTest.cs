using System.Net;
using System.Text.Json;

namespace AliasService.WebApi.IntegrationTests.Support;

/// <summary>
/// The shared set-up of every HTTP test class: one service per class (booting is the slow part), one fresh
/// organization and its signed-in client per test, so tests never see each other's aliases.
/// </summary>
public abstract class ServiceTest
{
    protected AliasServiceFactory Factory { get; private set; } = null!;

    /// <summary>This test's own organization.</summary>
    protected TestOrganization Organization { get; private set; } = null!;

    /// <summary>A client that calls as <see cref="Organization"/>.</summary>
    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = CreateFactory();
        Factory.StartServer();
    }

    /// <summary>The service this class talks to; a fixture may replace some of its services.</summary>
    protected virtual AliasServiceFactory CreateFactory() => new();

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await Factory.DisposeAsync();

    [SetUp]
    public async Task CreateOrganizationAsync()
    {
        Organization = await Factory.CreateOrganizationAsync();
        Client = Factory.CreateClientFor(Organization);
    }

    /// <summary>Creates an alias that expires in a day, with the given extra members (raw JSON, e.g. <c>"name":"x"</c>), and answers it.</summary>
    protected Task<JsonElement> CreateAliasAsync(string extraMembers = "", string type = "conference") =>
        CreateAliasAsync(Client, extraMembers, type);

    protected async Task<JsonElement> CreateAliasAsync(HttpClient client, string extraMembers = "", string type = "conference")
    {
        ArgumentNullException.ThrowIfNull(client);
        var separator = extraMembers.Length > 0 ? "," : string.Empty;
        var body = $$"""{"type":"{{type}}","expired_at":{{Factory.Now + 86_400}}{{separator}}{{extraMembers}}}""";
        using var response = await client.PostAsync(Routes.Create, HttpJson.Body(body));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Clone();
    }

    /// <summary>Every alias <paramref name="client"/>'s organization can list, newest first, following the cursor to the end.</summary>
    protected static async Task<List<JsonElement>> ListAllAsync(HttpClient client, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await ListPageAsync(client, query, after, limit: 100);
            all.AddRange(page.Entries);
            after = page.After;
        }
        while (after is not null);

        return all;
    }

    /// <summary>One page of the listing, with the envelope's shape checked.</summary>
    protected static async Task<(string? After, List<JsonElement> Entries)> ListPageAsync(HttpClient client, string query = "", string? after = null, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var parameters = new List<string>();
        if (query.Length > 0)
        {
            parameters.Add(query);
        }

        if (after is not null)
        {
            parameters.Add("after=" + Uri.EscapeDataString(after));
        }

        if (limit is not null)
        {
            parameters.Add($"limit={limit}");
        }

        var url = parameters.Count == 0 ? Routes.List : Routes.List + "?" + string.Join("&", parameters);
        using var response = await client.GetAsync(url);
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("after", "entries");
        root.GetProperty("after").ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
        var entries = root.GetProperty("entries").EnumerateArray().Select(e => e.ShouldBeDataEnvelope()).ToList();
        return (root.GetProperty("after").GetString(), entries);
    }

    protected static IEnumerable<string> Ids(IEnumerable<JsonElement> aliases) => aliases.Select(a => a.GetProperty("id").GetString()!);
}
