using System.Security.Cryptography.X509Certificates;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Infrastructure.AccessEvents;
using AliasService.Infrastructure.Caching;
using AliasService.Infrastructure.Idempotency;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.RateLimiting;
using AliasService.Infrastructure.Redis;
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
            // Created owner-only by StorageFolders at start, before the first key is written.
            protection.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
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

    /// <summary>
    /// The in-process caches and their invalidation. The bus is registered only if none is yet, so a cross-instance
    /// bus registered before (or replacing it after) takes its place.
    /// </summary>
    private static void AddCaches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CachingOptions>().Bind(configuration.GetSection(CachingOptions.SectionName))
            .Validate(o => o.IsValid(), "Caching:MaxEntries must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<LocalCaches>();
        services.TryAddSingleton<ICacheInvalidationBus, InProcessCacheInvalidationBus>();
        services.AddSingleton<CommittedChangesPublisher>();
    }

    /// <summary>Access events: the queue the request path records into, its background writer and the pruning (ADR 0017).</summary>
    private static void AddAccessEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessEventOptions>().Bind(configuration.GetSection(AccessEventOptions.SectionName))
            .Validate(o => o.IsValid(), "AccessEvents: RetentionDays, QueueCapacity and BatchSize must be at least 1, FlushIntervalMilliseconds 1 to 1000.")
            .ValidateOnStart();
        services.AddSingleton<AccessEventQueue>();
        services.AddSingleton<IAccessEventSink>(sp => sp.GetRequiredService<AccessEventQueue>());
        services.AddScoped<IAccessEventRepository, AccessEventRepository>();
        services.AddScoped<AccessEventStore>();
        services.AddSingleton<AccessEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessEventWriter>());
        services.AddHostedService<HourlyPruning<AccessEventStore>>();
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
        services.AddSingleton(new StorageFolders(
            database.Provider == DatabaseProvider.Sqlite ? dataFolder : null,
            keyRing == KeyRingStore.Folder ? keysFolder : null));
        if (database.IsServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {database.Provider} but ConnectionStrings:{ConnectionStringName} is not set.");
        }

        // The options are built once (optionsLifetime Singleton), not for every request's context; they only take
        // singletons from the provider they are built with.
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString ??= new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataFolder, "aliasservice.db"),
                    Pooling = true,
                }.ToString();
                services.AddSingleton(new SqliteDataVersion(connectionString));
                services.AddSingleton(new SqliteWriteGate(database.SqliteSynchronous));
                services.AddDbContext<AliasServiceDbContext, SqliteAliasServiceDbContext>((sp, o) => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(ProtectedColumnReader.Instance, ProtectedColumnWriter.Instance, new DatabaseActivity(), sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<CommittedChangesPublisher>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AliasServiceDbContext, SqlServerAliasServiceDbContext>((sp, o) => o
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(DatabaseConnections.MaxRetryCount, DatabaseConnections.MaxRetryDelay, null))
                    .AddInterceptors(ProtectedColumnReader.Instance, ProtectedColumnWriter.Instance, new DatabaseActivity(), sp.GetRequiredService<CommittedChangesPublisher>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<AliasServiceDbContext, PostgreSqlAliasServiceDbContext>((sp, o) => o
                    .UseNpgsql(DatabaseConnections.ForPostgreSql(connectionString!), npgsql => npgsql.EnableRetryOnFailure(DatabaseConnections.MaxRetryCount, DatabaseConnections.MaxRetryDelay, null))
                    .AddInterceptors(ProtectedColumnReader.Instance, ProtectedColumnWriter.Instance, new DatabaseActivity(), sp.GetRequiredService<CommittedChangesPublisher>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{database.Provider}'. Use Sqlite, PostgreSql or SqlServer.");
        }

        if (database.IsServer)
        {
            // The key ring repository asks for the context type that holds the key table.
            services.AddScoped(sp => (ServerAliasServiceDbContext)sp.GetRequiredService<AliasServiceDbContext>());
        }

        services.AddCaches(configuration);
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AliasServiceDbContext>());
        services.AddDatabaseOnFirstUse();
        services.AddScoped<IAliasRepository, AliasRepository>();
        services.AddScoped<IOrganizationRepository, OrganizationRepository>();
        services.AddScoped<IJwtKeyRepository, JwtKeyRepository>();
        services.AddSingleton<IPublicKeyReader, PublicKeyReader>();
        services.AddScoped<ApiKeyLookup>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddScoped<IRegisteredJwtKeys, DatabaseJwtKeys>();
        services.AddScoped<IAliasTokenVerifier, AliasTokenVerifier>();
        services.AddScoped<IdempotencyStore>();
        services.AddHostedService<HourlyPruning<IdempotencyStore>>();
        services.AddAccessEvents(configuration);
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.IsValid(), "RateLimiting: every PermitLimit, WindowSeconds and MaxTrackedWindows must be at least 1.")
            .ValidateOnStart();
        var redis = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (redis.IsConfigured)
        {
            // Shared by every instance: the failed-attempt budgets (and, in the HTTP layer, the per-organization windows),
            // and the invalidation of the caches.
            // A malformed configuration string stops the start here rather than failing every request later.
            _ = RedisConnection.ConfigurationFor(redis.Configuration!);
            services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.SectionName));
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<IFailedAttemptLimiter, RedisFailedAttemptLimiter>();

            // Cache invalidations reach every instance: the caches may run on a server database too.
            services.AddSingleton<RedisCacheInvalidationBus>();
            services.Replace(ServiceDescriptor.Singleton<ICacheInvalidationBus>(sp => sp.GetRequiredService<RedisCacheInvalidationBus>()));
            services.AddHostedService(sp => sp.GetRequiredService<RedisCacheInvalidationBus>());
        }
        else
        {
            services.AddSingleton<IFailedAttemptLimiter, InMemoryFailedAttemptLimiter>();
        }

        return services;
    }
}
