using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// One trace span per database command, for either provider (the OpenTelemetry EF Core instrumentation package
/// is not available here). Spans carry the provider and the kind of command, never SQL parameter values.
/// </summary>
public sealed class DatabaseActivity : DbCommandInterceptor
{
    public const string SourceName = "AliasService.Database";

    private static readonly ActivitySource Source = new(SourceName);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(ActivityStatusCode.Ok);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(ActivityStatusCode.Ok);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(ActivityStatusCode.Ok);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(ActivityStatusCode.Error);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }

    private static void Start(DbCommand command)
    {
        var activity = Source.StartActivity("db " + Verb(command.CommandText), ActivityKind.Client);
        activity?.SetTag("db.system", command.Connection?.GetType().Namespace switch
        {
            { } ns when ns.Contains("Sqlite", StringComparison.Ordinal) => "sqlite",
            { } ns when ns.StartsWith("Npgsql", StringComparison.Ordinal) => "postgresql",
            _ => "mssql",
        });
    }

    private static void Stop(ActivityStatusCode status)
    {
        var activity = Activity.Current;
        if (activity?.Source == Source)
        {
            activity.SetStatus(status);
            activity.Stop();
        }
    }

    private static string Verb(string sql)
    {
        var text = sql.TrimStart();
        var end = text.IndexOfAny([' ', '\n', '\r', '\t']);
        return (end > 0 ? text[..end] : text).ToUpperInvariant();
    }
}
