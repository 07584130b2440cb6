using AliasService.Infrastructure.Caching;
using AliasService.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AliasService.Infrastructure.IntegrationTests.TestSupport;

/// <summary>Caches switched off, so that tests of a component read the database on every call.</summary>
internal static class TestCaches
{
    public static LocalCaches Off() => new(
        new ServiceCollection().BuildServiceProvider(),
        Options.Create(new CachingOptions { Enabled = false }),
        Options.Create(new DatabaseOptions()));
}
