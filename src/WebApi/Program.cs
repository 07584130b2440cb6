using AliasService.Application;
using AliasService.Infrastructure;
using AliasService.Infrastructure.Persistence;
using AliasService.WebApi;
using AliasService.WebApi.Cli;
using AliasService.WebApi.Hosting;
using AliasService.WebApi.Telemetry;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddShippedDefaults();
builder.ListenOnDefaultUnlessConfigured();
builder.AddTelemetry();
builder.WebHost.ConfigureKestrel(KestrelLimits.Configure);
builder.Services
    .AddApplication(builder.Configuration["AutoMapper:LicenseKey"])
    .AddInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration);

var app = builder.Build();
await DatabaseInitializer.InitializeAsync(app.Services, CancellationToken.None);
app.UseWebApi();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
