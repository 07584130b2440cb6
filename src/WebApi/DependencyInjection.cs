using AliasService.WebApi.Authentication;
using AliasService.WebApi.Errors;
using AliasService.WebApi.Json;
using Microsoft.AspNetCore.Mvc;

namespace AliasService.WebApi;

/// <summary>Registers the HTTP layer: MVC with the wire's JSON rules, the error envelope everywhere, authentication.</summary>
internal static class DependencyInjection
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddControllers(options =>
            {
                options.Filters.Add<UnknownMembersFilter>();
                options.RespectBrowserAcceptHeader = false;
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

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.AddOrganizationTokenAuthentication();
        services.AddAuthorization();
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
        app.UseMiddleware<RequestBodyLimitMiddleware>(MaxRequestBodyBytes);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }
}
