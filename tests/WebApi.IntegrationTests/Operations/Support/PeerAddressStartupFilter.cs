using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Gives every request the connection (peer) address a real server reports; the test server reports none, and
/// ASP.NET Core's forwarded-headers middleware trusts a forwarded address unconditionally when there is no peer
/// address at all, which no deployment over TCP ever sees.
/// </summary>
public sealed class PeerAddressStartupFilter(IPAddress peer) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = peer;
            return nextMiddleware(context);
        });
        next(app);
    };
}
