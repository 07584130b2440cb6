using System.Diagnostics;
using System.Net;
using AliasService.Infrastructure.Caching;
using AliasService.Infrastructure.Redis;
using AliasService.WebApi.IntegrationTests.Operations.Support;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>
/// Two instances on one database with <c>Redis:Configuration</c>: the caches run (on a server database too), and a
/// change written through A drops B's cached copy within a second, through Redis pub/sub alone (the SQLite file's
/// data-version guard is removed, so nothing else could tell B). While Redis is down, B's caches are bypassed.
/// Runs when <c>ALIASSERVICE_TEST_REDIS</c> names a redis-server binary (<c>scripts/test-redis.sh</c>).
/// </summary>
public sealed class CacheInvalidationOverRedisTests
{
    private TwoInstancesOverRedis _instances = null!;
    private TestOrganization _organization = null!;

    private LocalCaches CachesOfB => B.Services.GetRequiredService<LocalCaches>();

    private ConfiguredService A => _instances.A;

    private ConfiguredService B => _instances.B;

    [OneTimeSetUp]
    public async Task StartInstancesAsync()
    {
        _instances = await TwoInstancesOverRedis.StartAsync(replaceServices: PublishedChangesOnly);
        _organization = await A.CreateOrganizationAsync();
    }

    [OneTimeTearDown]
    public async Task StopInstancesAsync()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
    }

    [Test]
    [Order(1)]
    public async Task AChangeThroughA_DropsBsCachedAliasWithinOneSecond()
    {
        using var ownerOnA = A.CreateClientFor(_organization);
        using var ownerOnB = B.CreateClientFor(_organization);
        var alias = await CreateAliasAsync(ownerOnA, "old-passcode");
        (await PasscodeOnBAsync(ownerOnB, alias)).Should().Be("old-passcode");
        CachesOfB.IsActive.Should().BeTrue("the caches run once the subscription is live");
        CachesOfB.Aliases.TryGet(alias, out _).Should().BeTrue("B now answers this alias from memory");

        using (var update = await ownerOnA.PostAsync(Routes.Update(alias), HttpJson.Body("""{"passcode":"new-passcode"}""")))
        {
            await update.ReadJsonAsync(HttpStatusCode.OK);
        }

        var elapsed = Stopwatch.StartNew();
        string? seen;
        do
        {
            seen = await PasscodeOnBAsync(ownerOnB, alias);
        }
        while (seen != "new-passcode" && elapsed.Elapsed < TimeSpan.FromSeconds(1));

        seen.Should().Be("new-passcode", "B must see A's change within a second");
    }

    // Public retrieval fails closed without Redis (503); management, whose API keys are cached, keeps serving.
    [Test]
    [Order(2)]
    public async Task WhileRedisIsDown_BReadsTheDatabase_SoAnApiKeyRevokedThroughAFailsOnBAtOnce()
    {
        using var ownerOnA = A.CreateClientFor(_organization);
        string keyId;
        string secret;
        using (var created = await ownerOnA.PostAsync(Routes.ApiKeys, null))
        {
            var key = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("data");
            keyId = key.Text("id")!;
            secret = key.Text("secret")!;
        }

        using var withKeyOnB = B.CreateClientFor(new TestOrganization(_organization.Id, keyId, secret));
        // The first use records last_used_at (a change, which drops the key again); the second one keeps it cached.
        for (var use = 0; use < 2; use++)
        {
            using var before = await withKeyOnB.GetAsync(Routes.List);
            await before.ReadJsonAsync(HttpStatusCode.OK);
        }

        CachesOfB.ApiKeys.TryGet(keyId, out _).Should().BeTrue("B now checks this key from memory");
        var lostOnB = await SubscriptionLostAsync(B);

        await _instances.Redis.StopServerAsync();
        await lostOnB.WaitAsync(TimeSpan.FromSeconds(10));
        using (var revoke = await ownerOnA.DeleteAsync(Routes.ApiKey(keyId)))
        {
            await revoke.ReadJsonAsync(HttpStatusCode.OK);
        }

        CachesOfB.IsActive.Should().BeFalse("without the subscription nothing may be answered from memory");
        using var after = await withKeyOnB.GetAsync(Routes.List);
        (await after.ReadErrorAsync(HttpStatusCode.Unauthorized)).Text("reason").Should().Be("unknown_key");
    }

    private static void PublishedChangesOnly(IServiceCollection services) => services.RemoveAll<SqliteDataVersion>();

    /// <summary>Completes when <paramref name="service"/>'s Redis subscription connection fails.</summary>
    private static async Task<Task> SubscriptionLostAsync(ConfiguredService service)
    {
        var multiplexer = await service.Services.GetRequiredService<RedisConnection>().GetMultiplexerAsync();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                lost.TrySetResult();
            }
        };
        return lost.Task;
    }

    private async Task<string> CreateAliasAsync(HttpClient owner, string passcode)
    {
        using var response = await owner.PostAsync(Routes.Create, HttpJson.Body(
            $$"""{"type":"conference","passcode":"{{passcode}}","expired_at":{{A.Now + 86_400}}}"""));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).ShouldBeDataEnvelope().Text("id")!;
    }

    /// <summary>The passcode B shows the owner on public retrieval (the owner view, served from B's alias cache).</summary>
    private static async Task<string?> PasscodeOnBAsync(HttpClient ownerOnB, string alias)
    {
        using var response = await ownerOnB.GetAsync(Routes.Retrieve(alias));
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).ShouldBeDataEnvelope().Text("passcode");
    }
}
