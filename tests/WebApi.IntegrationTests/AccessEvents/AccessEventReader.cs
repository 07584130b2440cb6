using System.Net;
using System.Text.Json;
using AliasService.Infrastructure.AccessEvents;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.AccessEvents;

/// <summary>Reads an alias's access events over HTTP, after storing what the service has queued (no waiting on time).</summary>
internal static class AccessEventReader
{
    /// <summary>Stores every event the service has recorded so far: the background writer's own flush.</summary>
    public static Task FlushAsync(IServiceProvider services) => services.GetRequiredService<AccessEventWriter>().FlushAsync();

    /// <summary>One page: its raw body (for secret checks), its cursor and its events.</summary>
    public static async Task<(string Body, string? After, List<JsonElement> Events)> PageAsync(IServiceProvider services, HttpClient owner, string aliasId, string query = "")
    {
        ArgumentNullException.ThrowIfNull(owner);
        await FlushAsync(services);
        using var response = await owner.GetAsync(Routes.Events(aliasId, query));
        var body = await response.Content.ReadAsStringAsync();
        var root = await response.ReadJsonAsync(HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("after", "entries");
        var events = root.GetProperty("entries").EnumerateArray().Select(e => Data(e)).ToList();
        return (body, root.GetProperty("after").GetString(), events);
    }

    /// <summary>The event in an entry <c>{"data": event}</c>, with its members checked.</summary>
    public static JsonElement Data(JsonElement entry)
    {
        entry.EnumerateObject().Select(p => p.Name).Should().Equal("data");
        var data = entry.GetProperty("data");
        data.EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "occurred_at", "kind", "outcome", "reason", "credential", "user_id", "client_address", "api_key_id", "changed_fields");
        return data.Clone();
    }

    /// <summary>Every event of the alias, newest first, following the cursor; with every page's raw body.</summary>
    public static async Task<(string Bodies, List<JsonElement> Events)> AllAsync(IServiceProvider services, HttpClient owner, string aliasId, string query = "")
    {
        var bodies = new List<string>();
        var all = new List<JsonElement>();
        string? after = null;
        do
        {
            var parameters = new List<string> { "limit=100" };
            if (query.Length > 0)
            {
                parameters.Add(query);
            }

            if (after is not null)
            {
                parameters.Add("after=" + Uri.EscapeDataString(after));
            }

            var page = await PageAsync(services, owner, aliasId, string.Join("&", parameters));
            bodies.Add(page.Body);
            all.AddRange(page.Events);
            after = page.After;
        }
        while (after is not null);

        return (string.Join("\n", bodies), all);
    }
}
