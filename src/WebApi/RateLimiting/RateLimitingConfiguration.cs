using System.Globalization;
using System.Threading.RateLimiting;
using AliasService.Infrastructure.RateLimiting;
using AliasService.Infrastructure.Redis;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace AliasService.WebApi.RateLimiting;

/// <summary>
/// Abuse limits: failed retrievals (<see cref="FailedRetrievalLimitFilter"/>), and management calls per organization
/// with ASP.NET Core's rate limiter (its windows in Redis when <c>Redis:Configuration</c> is set, shared by every instance). Rejections answer 429 in the envelope with <c>Retry-After</c> (the middleware's default is 503).
/// Client addresses are the connection's: forwarded headers are honoured only when a trusted proxy is configured.
/// </summary>
internal static class RateLimitingConfiguration
{
    public const string OrganizationPolicy = "organization";

    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FailedRetrievalLimitFilter>();
        var organization = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>()?.Organization
            ?? new RateLimitingOptions().Organization;

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var window = new FixedWindowRateLimiterOptions { PermitLimit = organization.PermitLimit, Window = organization.Window, QueueLimit = 0 };
            options.AddPolicy(OrganizationPolicy, context => context.RequestServices.GetService<RedisConnection>() is { } redis
                ? RateLimitPartition.Get(PartitionKey(context), key => new RedisFixedWindowRateLimiter(redis, key, window))
                : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => window));
            options.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : organization.Window;
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ErrorResponses.WriteAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, new ErrorBody("Too many requests; retry later.")));
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(OrganizationClaims.OrganizationId)?.Value is { } organizationId
            ? "org:" + organizationId
            : "ip:" + ClientPartition.Of(context.Connection.RemoteIpAddress);
}
