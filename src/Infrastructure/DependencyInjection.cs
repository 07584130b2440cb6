using System.Security.Cryptography.X509Certificates;
using AliasService.Application.Common.Interfaces;
using AliasService.Infrastructure.Idempotency;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.RateLimiting;
using AliasService.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AliasService.Infrastructure;

/// <summary>Registers persistence (provider by configuration), secret protection, idempotency keys and token services.</summary>
public static class DependencyInjection
{
    public const string ConnectionStringName = "AliasService";

    /// <summary>
    /// Data Protection with a persisted key ring, so a restart (or another instance) can still decrypt stored secrets:
    /// in the database with a server database (every instance shares it), otherwise in an owner-only folder.
    /// <c>DataProtection:CertificatePath</c> (+ <c>CertificatePassword</c>) encrypts the keys at rest wherever they are.
    /// </summary>
    private static void AddSecretProtection(this IServiceCollection services, IConfiguration configuration, KeyRingStore store, string keysFolder)
    {
        var protection = services.AddDataProtection().SetApplicationName("AliasService");
        if (store == KeyRingStore.Database)
        {
            protection.PersistKeysToDbContext<ServerAliasServiceDbContext>();
        }
        else
        {
            var folder = Directory.CreateDirectory(keysFolder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            protection.PersistKeysToFileSystem(folder);
        }

        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            protection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddSingleton<SecretProtector>();
        services.AddSingleton<IKeysetCursorProtector, DataProtectionKeysetCursorProtector>();
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.Get<StorageOptions>() ?? new StorageOptions();
        var dataFolder = storage.ResolveDataFolder();
        var keysFolder = storage.ResolveKeysFolder();

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        var keyRing = configuration.GetValue<KeyRingStore?>("DataProtection:KeyRing") ?? (database.IsServer ? KeyRingStore.Database : KeyRingStore.Folder);
        if (keyRing == KeyRingStore.Database && !database.IsServer)
        {
            throw new InvalidOperationException("DataProtection:KeyRing is Database, which needs a server database (PostgreSql or SqlServer).");
        }

        services.AddSecretProtection(configuration, keyRing, keysFolder);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (database.IsServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {database.Provider} but ConnectionStrings:{ConnectionStringName} is not set.");
        }

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(dataFolder);
                connectionString ??= new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataFolder, "aliasservice.db"),
                    Pooling = true,
                }.ToString();
                services.AddDbContext<AliasServiceDbContext, SqliteAliasServiceDbContext>(o => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(new DatabaseActivity()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AliasServiceDbContext, SqlServerAliasServiceDbContext>(o => o
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(DatabaseConnections.MaxRetryCount, DatabaseConnections.MaxRetryDelay, null))
                    .AddInterceptors(new DatabaseActivity()));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<AliasServiceDbContext, PostgreSqlAliasServiceDbContext>(o => o
                    .UseNpgsql(DatabaseConnections.ForPostgreSql(connectionString!), npgsql => npgsql.EnableRetryOnFailure(DatabaseConnections.MaxRetryCount, DatabaseConnections.MaxRetryDelay, null))
                    .AddInterceptors(new DatabaseActivity()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{database.Provider}'. Use Sqlite, PostgreSql or SqlServer.");
        }

        if (database.IsServer)
        {
            // The key ring repository asks for the context type that holds the key table.
            services.AddScoped(sp => (ServerAliasServiceDbContext)sp.GetRequiredService<AliasServiceDbContext>());
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AliasServiceDbContext>());
        services.AddScoped<IAliasRepository, AliasRepository>();
        services.AddScoped<IOrganizationRepository, OrganizationRepository>();
        services.AddScoped<IJwtKeyRepository, JwtKeyRepository>();
        services.AddSingleton<IPublicKeyReader, PublicKeyReader>();
        services.AddScoped<ApiKeyLookup>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddScoped<IRegisteredJwtKeys, DatabaseJwtKeys>();
        services.AddScoped<IAliasTokenVerifier, AliasTokenVerifier>();
        services.AddScoped<IdempotencyStore>();
        services.AddHostedService<IdempotencyPruning>();
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.IsValid(), "RateLimiting: every PermitLimit, WindowSeconds and MaxTrackedWindows must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IFailedAttemptLimiter, InMemoryFailedAttemptLimiter>();
        return services;
    }
}
