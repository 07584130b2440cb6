using System.Diagnostics.Metrics;
using AliasService.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Reads the <c>aliasservice.failed_attempts.windows</c> gauge of one service instance: how many failed-attempt
/// windows its limiter tracks right now (what an operator's metrics show).
/// </summary>
public static class FailedAttemptWindows
{
    public static long Read(IServiceProvider services)
    {
        // The limiter (and with it the gauge) exists from the first retrieval on; make sure it does.
        _ = services.GetRequiredService<IFailedAttemptLimiter>();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        long? value = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "AliasService" && instrument.Name == "aliasservice.failed_attempts.windows"
                && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? throw new InvalidOperationException("The service publishes no aliasservice.failed_attempts.windows gauge.");
    }
}
