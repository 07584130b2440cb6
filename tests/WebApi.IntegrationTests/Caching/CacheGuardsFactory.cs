using AliasService.Infrastructure.Caching;
using AliasService.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AliasService.WebApi.IntegrationTests.Caching;

/// <summary>A test service with the caches' guards of <see cref="CacheGuards"/>.</summary>
public static class CacheGuardsFactory
{
    public static AliasServiceFactory Create(CacheGuards guards) => guards == CacheGuards.AsShipped
        ? new AliasServiceFactory()
        : new AliasServiceFactory(services => services.RemoveAll<SqliteDataVersion>());
}
