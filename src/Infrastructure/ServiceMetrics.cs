namespace AliasService.Infrastructure;

/// <summary>The service's own meter, shared by every layer that records metrics (exported with OpenTelemetry when configured).</summary>
public static class ServiceMetrics
{
    public const string MeterName = "AliasService";
}
