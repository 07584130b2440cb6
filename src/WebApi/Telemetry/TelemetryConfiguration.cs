using AliasService.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AliasService.WebApi.Telemetry;

/// <summary>
/// Structured JSON console logs (written in batches) whose every line carries the request id and trace id, and OpenTelemetry traces
/// and metrics over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (off otherwise).
/// </summary>
internal static class TelemetryConfiguration
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        // The JSON formatter and its options stay; the lines are written in batches (BatchedConsoleLoggerProvider).
        builder.Services.RemoveAll<ILoggerProvider>();
        builder.Services.AddSingleton<ILoggerProvider, BatchedConsoleLoggerProvider>();
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        builder.Services.AddSingleton<AccessDecisionMetrics>();
        builder.Services.AddScoped<AccessDecisionFilter>();

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("AliasService"))
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.RecordException = false)
                    .AddSource(DatabaseActivity.SourceName)
                    .AddOtlpExporter())
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddMeter(AccessDecisionMetrics.MeterName, "Microsoft.EntityFrameworkCore")
                    .AddOtlpExporter());
        }

        return builder;
    }
}
