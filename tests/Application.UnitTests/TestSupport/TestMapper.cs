using AliasService.Application.Common.Mappings;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliasService.Application.UnitTests.TestSupport;

/// <summary>The production mapping profiles (aliases, API keys, JWT keys) in a real AutoMapper configuration (no mocked mapper).</summary>
internal static class TestMapper
{
    public static MapperConfiguration Configuration() =>
        new(cfg => cfg.AddMaps(typeof(AliasMappingProfile).Assembly), NullLoggerFactory.Instance);

    public static IMapper Create() => Configuration().CreateMapper();
}
