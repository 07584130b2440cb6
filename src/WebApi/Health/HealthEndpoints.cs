using System.Text.Json;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Redis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AliasService.WebApi.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (database reachable and migrated; Redis reachable when configured), as plain
/// JSON for orchestrators (<c>{"status":"Healthy","checks":{…}}</c>), outside authentication and rate limits.
/// </summary>
internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        // Bounded, so a probe never waits on an unreachable database longer than a load balancer would.
        var checks = services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
        if (configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>()?.IsConfigured == true)
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        }

        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
