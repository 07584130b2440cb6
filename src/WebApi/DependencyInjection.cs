using System.Net;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Concurrency;
using AliasService.WebApi.Contracts;
using AliasService.WebApi.Errors;
using AliasService.WebApi.Health;
using AliasService.WebApi.Idempotency;
using AliasService.WebApi.Json;
using AliasService.WebApi.OpenApi;
using AliasService.WebApi.RateLimiting;
using AliasService.WebApi.Routing;
using AliasService.WebApi.Telemetry;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scalar.AspNetCore;

namespace AliasService.WebApi;

/// <summary>Registers the HTTP layer: MVC with the wire's JSON rules, the error envelope everywhere, authentication.</summary>
internal static class DependencyInjection
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<AliasIdRouteConstraint>(AliasIdRouteConstraint.Name));
        services.AddControllers(options =>
            {
                options.Conventions.Add(new RequestBodyConvention());
                options.Filters.Add<UnknownMembersFilter>();
                options.Filters.Add<SingleValuedQueryFilter>();
                options.Filters.Add<EntityTagFilter>();
                options.ModelBinderProviders.Insert(0, new DecimalQueryIntegerBinder.Provider());
                options.RespectBrowserAcceptHeader = false;
                // The validation attributes on request contracts document the rules in the API document; the
                // validators and the domain enforce them, with their own messages. MVC must not enforce them again.
                options.ModelValidatorProviders.Clear();
                options.ModelMetadataDetailsProviders.Add(new SuppressChildValidationMetadataProvider(typeof(RequestBody)));
                options.Filters.Add<JsonContentTypeFilter>();
                // JSON bodies are application/json only: not text/json, not application/*+json (415).
                var json = options.InputFormatters.OfType<SystemTextJsonInputFormatter>().Single();
                json.SupportedMediaTypes.Clear();
                json.SupportedMediaTypes.Add("application/json");
                options.SuppressAsyncSuffixInActionNames = true;
            })
            .AddJsonOptions(options =>
            {
                ApiJson.Configure(options.JsonSerializerOptions);
                options.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(options =>
            {
                // Body-less client errors (415 …) are written by the status-code envelope, not as ProblemDetails.
                options.SuppressMapClientErrors = true;
                options.InvalidModelStateResponseFactory = InvalidRequestResponses.Create;
            });

        // The OpenAPI generator reads the minimal-API JSON options: same wire names as MVC.
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddApiDocument(configuration);
        services.AddHealthEndpoints(configuration);
        services.AddAbuseLimits(configuration);
        services.AddScoped<IdempotencyFilter>();
        services.AddTrustedProxies(configuration);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOrganizationTokenAuthentication();
        services.AddRequestCaller();
        services.AddAuthorization();
        return services;
    }

    /// <summary>Who calls, for access events; the command line registers it too (it has no HTTP request: no caller).</summary>
    public static IServiceCollection AddRequestCaller(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<Application.Common.Interfaces.IRequestCaller, HttpRequestCaller>();
        return services;
    }

    /// <summary>
    /// Client addresses (rate-limit partitions) come from the connection, unless the request comes from a proxy
    /// listed in <c>ForwardedHeaders:KnownProxies</c>: only then is its <c>X-Forwarded-For</c> believed.
    /// </summary>
    private static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // ASP.NET Core believes any sender when both trust lists are empty: with no proxy configured the
            // middleware must not read the header at all.
            options.ForwardedHeaders = proxies.Length > 0 ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.Use(NoStore);
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLoggingMiddleware>();
        // ApiExceptionHandler answers every exception; the options only say so (UseExceptionHandler() alone would
        // need ProblemDetails registered, which this service never writes).
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiExceptionHandler.Unhandled });
        app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
        app.UseMiddleware<RequestHeadLimitMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>(MaxRequestBodyBytes);
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapControllers();
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().DisableRateLimiting();
        // The reference works offline: no AI agent, MCP, telemetry, hosted API client or other link to Scalar's services.
        app.MapScalarApiReference("/docs", options => options
                .WithTitle("AliasService API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .HideClientButton()
                .HideDeveloperTools())
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>
    /// Every response is <c>Cache-Control: no-store</c>: answers carry secrets, tokens, passcodes and stream keys,
    /// errors must not be replayed, and one rule for all cannot miss a new route. Set as the response starts, so
    /// it also holds for responses the exception handler rewrites.
    /// </summary>
    private static Task NoStore(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
