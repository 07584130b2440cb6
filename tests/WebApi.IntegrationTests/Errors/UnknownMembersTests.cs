using System.Net;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;

namespace AliasService.WebApi.IntegrationTests.Errors;

/// <summary>
/// Every operation that takes a JSON body, found in the service's endpoint data, refuses members it does not know and
/// names each of them (docs/api.md, "Errors"): no body type can forget it.
/// </summary>
public sealed class UnknownMembersTests : ServiceTest
{
    private static IEnumerable<TestCaseData> BodyActions() =>
        ControllerActions.All().Where(a => a.TakesJsonBody).Select(a => new TestCaseData(a).SetArgDisplayNames(a.ToString()));

    [TestCaseSource(nameof(BodyActions))]
    public async Task Body_WithUnknownMembers_Returns400NamingEachOne(ControllerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var alias = await CreateAliasAsync();
        using var request = new HttpRequestMessage(new HttpMethod(action.Method), action.Path.Replace("{id}", alias.Text("id"), StringComparison.Ordinal))
        {
            Content = HttpJson.Body("""{"expire_at":1,"Type":"live"}"""),
        };

        using var response = await Client.SendAsync(request);

        var error = await response.ReadErrorAsync(HttpStatusCode.BadRequest);
        error.DetailFields().Should().BeEquivalentTo("expire_at", "Type");
    }
}
