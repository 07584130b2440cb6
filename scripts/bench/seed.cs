#:project ../../src/Infrastructure/AliasService.Infrastructure.csproj
#:property PublishAot=false
// Seeds aliases for the benchmark straight into the configured database, through the project's own code: the
// domain makes each alias (Alias.Create enforces every field rule) and the EF Core model says how each of its
// properties is stored (table, columns, type mappings). Rows go in with one prepared INSERT in large transactions,
// which is what makes a million rows take seconds rather than minutes. The aliases are open (no secrets), so
// seeding costs no encryption; they exist to make the table and its indexes as large as a big tenant's.
//
// usage: DataFolder=<folder> dotnet run scripts/bench/seed.cs -- <organization_id> <count>
// (Database__Provider and ConnectionStrings__AliasService select another database, as for the service.)
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AliasService.Domain.Aliases;
using AliasService.Infrastructure;
using AliasService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length != 2 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("usage: dotnet run scripts/bench/seed.cs -- <organization_id> <count>");
    return 2;
}

var organizationId = args[0];
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddInfrastructure(builder.Configuration);
using var host = builder.Build();
await using var scope = host.Services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<AliasServiceDbContext>();

var entity = db.Model.FindEntityType(typeof(Alias))!;
var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();

var connection = db.Database.GetDbConnection();
await connection.OpenAsync();
await using var insert = connection.CreateCommand();
insert.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
    $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
    $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";

const int BatchSize = 50_000;
var clock = TimeProvider.System;
var expiredAt = clock.GetUtcNow().AddDays(30).ToUnixTimeSeconds();
var watch = Stopwatch.StartNew();
for (long done = 0; done < count;)
{
    await using var transaction = await connection.BeginTransactionAsync();
    insert.Transaction = transaction;
    var batch = (int)Math.Min(BatchSize, count - done);
    for (var i = 0; i < batch; i++)
    {
        var alias = Alias.Create(organizationId, AliasType.Conference, "bench " + (done + i).ToString(CultureInfo.InvariantCulture), null, null, null, expiredAt, clock);
        insert.Parameters.Clear();
        for (var c = 0; c < columns.Count; c++)
        {
            var value = columns[c].PropertyInfo?.GetValue(alias) ?? columns[c].FieldInfo?.GetValue(alias);
            insert.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(insert, "@p" + c.ToString(CultureInfo.InvariantCulture), value, columns[c].IsNullable));
        }

        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
    done += batch;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count} aliases in {watch.Elapsed.TotalSeconds:0.0} s"));
return 0;
