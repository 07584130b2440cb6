using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>
/// Two instances of the service on one database and one Redis server of their own (<c>Redis:Configuration</c>), as
/// several instances run in production. Redis is started first and stopped last; the instances are stopped before
/// the database they share. Ignores the test when <c>ALIASSERVICE_TEST_REDIS</c> names no redis-server binary
/// (<c>scripts/test-redis.sh</c> sets it).
/// </summary>
public sealed class TwoInstancesOverRedis : IAsyncDisposable
{
    private TestStorage? _sharedStorage;

    private TwoInstancesOverRedis(OwnRedisServer redis) => Redis = redis;

    public OwnRedisServer Redis { get; }

    public ConfiguredService A { get; private set; } = null!;

    public ConfiguredService B { get; private set; } = null!;

    /// <summary>Starts Redis, then A, then B on A's database; <paramref name="settings"/> come on top of the Redis connection.</summary>
    public static async Task<TwoInstancesOverRedis> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? replaceServices = null)
    {
        if (OwnRedisServer.Binary is null)
        {
            Assert.Ignore($"{OwnRedisServer.ServerVariable} does not name a redis-server binary (scripts/test-redis.sh sets it).");
        }

        var pair = new TwoInstancesOverRedis(await OwnRedisServer.StartAsync());
        try
        {
            var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
            {
                ["Redis:Configuration"] = pair.Redis.Configuration,
            };
            pair.A = new ConfiguredService(all, replaceServices: replaceServices);
            pair.A.Start();
            pair._sharedStorage = pair.A.Storage.SharingTheDatabase();
            pair.B = new ConfiguredService(all, replaceServices: replaceServices, storage: pair._sharedStorage);
            pair.B.Start();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (_sharedStorage is not null)
        {
            await _sharedStorage.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
