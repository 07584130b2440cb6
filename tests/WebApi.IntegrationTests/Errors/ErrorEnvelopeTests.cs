using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using AliasService.Application.Common.Interfaces;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AliasService.WebApi.IntegrationTests.Errors;

/// <summary>
/// The error envelope (docs/api.md, "Errors"): every failure answers <c>{"error": {"message": ...}}</c> as JSON, never an HTML page, a stack
/// trace or an empty body, whatever went wrong.
/// </summary>
public sealed class ErrorEnvelopeTests : ServiceTest
{
    [TestCase("/")]
    [TestCase("/nope")]
    [TestCase("/organization/api/v1/nope")]
    [TestCase("/organization/api/v2/aliases")]
    [TestCase("/organization/api/v1/alias/create/extra")]
    [TestCase("/organization/api/v1/alias/update")]
    public async Task UnknownRoute_Returns404Envelope(string path)
    {
        using var response = await Client.GetAsync(path);

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task UnknownRoute_WithoutToken_Returns404Envelope()
    {
        using var response = await Factory.CreateClient().GetAsync("/nope");

        await response.ReadErrorAsync(HttpStatusCode.NotFound);
    }

    [TestCase("GET", "create")]
    [TestCase("PUT", "create")]
    [TestCase("GET", "update")]
    [TestCase("PUT", "update")]
    [TestCase("PATCH", "update")]
    [TestCase("DELETE", "update")]
    [TestCase("GET", "delete")]
    [TestCase("POST", "delete")]
    [TestCase("POST", "list")]
    [TestCase("DELETE", "list")]
    public async Task WrongMethod_Returns405EnvelopeAndChangesNothing(string method, string endpoint)
    {
        var alias = await CreateAliasAsync();
        var path = endpoint switch
        {
            "list" => Routes.List,
            "create" => Routes.Create,
            "update" => Routes.Update(alias.Text("id")!),
            _ => Routes.Delete(alias.Text("id")!),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = HttpJson.Body($$"""{"type":"live","expired_at":{{Factory.Now + 3600}}}""");
        }

        using var response = await Client.SendAsync(request);

        await response.ReadErrorAsync(HttpStatusCode.MethodNotAllowed);
        (await ListAllAsync(Client)).Should().ContainSingle().Which.GetRawText().Should().Be(alias.GetRawText());
    }

    [TestCase("unknown route", HttpStatusCode.NotFound)]
    [TestCase("wrong method", HttpStatusCode.MethodNotAllowed)]
    [TestCase("no token", HttpStatusCode.Unauthorized)]
    [TestCase("bad token", HttpStatusCode.Unauthorized)]
    [TestCase("malformed json", HttpStatusCode.BadRequest)]
    [TestCase("missing body", HttpStatusCode.BadRequest)]
    [TestCase("invalid field", HttpStatusCode.BadRequest)]
    [TestCase("bad query", HttpStatusCode.BadRequest)]
    [TestCase("unknown alias", HttpStatusCode.NotFound)]
    [TestCase("wrong content type", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("oversized body", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Failure_AnswersTheJsonEnvelopeEvenToABrowserAskingForHtml(string failure, HttpStatusCode expected)
    {
        using var request = failure switch
        {
            "unknown route" => new HttpRequestMessage(HttpMethod.Get, "/organization/api/v1/unknown"),
            "wrong method" => new HttpRequestMessage(HttpMethod.Get, Routes.Create),
            "no token" or "bad token" => new HttpRequestMessage(HttpMethod.Get, Routes.List),
            "malformed json" => new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = HttpJson.Body("{\"type\":") },
            "missing body" => new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = HttpJson.Body(string.Empty) },
            "invalid field" => new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = HttpJson.Body("""{"type":"conference","expired_at":1}""") },
            "bad query" => new HttpRequestMessage(HttpMethod.Get, Routes.List + "?limit=0"),
            "unknown alias" => new HttpRequestMessage(HttpMethod.Delete, Routes.Delete("doesNotExist0000")),
            "wrong content type" => new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = new StringContent("<alias/>", Encoding.UTF8, "application/xml") },
            _ => new HttpRequestMessage(HttpMethod.Post, Routes.Create) { Content = HttpJson.Body("{" + new string(' ', 65 * 1024) + "}") },
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        var client = Client;
        if (failure == "no token")
        {
            client = Factory.CreateClient();
        }
        else if (failure == "bad token")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        }

        using var response = await client.SendAsync(request);

        await response.ReadErrorAsync(expected);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("<html", "the body is never an HTML page").And.NotContain("   at ", "the body never holds a stack trace");
    }

    [Test]
    public async Task Success_WithAcceptOtherThanJson_StillAnswersJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.List);
        request.Headers.Accept.ParseAdd("application/xml");

        using var response = await Client.SendAsync(request);

        (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task UnhandledException_Returns500EnvelopeWithoutInternals()
    {
        const string internals = "Data Source=/srv/secret/aliasservice.db; password=hunter2";
        await using var failing = new AliasServiceFactory(services =>
        {
            services.RemoveAll<IAliasRepository>();
            services.AddScoped(_ => ThrowingProxy.Create<IAliasRepository>(new InvalidOperationException(internals)));
        });
        var organization = await failing.CreateOrganizationAsync();

        using var response = await failing.CreateClientFor(organization).GetAsync(Routes.List);

        var error = await response.ReadErrorAsync(HttpStatusCode.InternalServerError);
        error.EnumerateObject().Select(p => p.Name).Should().Equal("message");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("hunter2").And.NotContain("Data Source").And.NotContain(nameof(InvalidOperationException)).And.NotContain("   at ");
    }

    /// <summary>An implementation of <typeparamref name="T"/> whose every member throws the given exception, whatever the interface's shape.</summary>
    internal class ThrowingProxy : DispatchProxy
    {
        private Exception _exception = null!;

        public static T Create<T>(Exception exception)
            where T : class
        {
            var proxy = DispatchProxy.Create<T, ThrowingProxy>();
            ((ThrowingProxy)(object)proxy)._exception = exception;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw _exception;
    }
}
