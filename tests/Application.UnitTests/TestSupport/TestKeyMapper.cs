using AliasService.Application.Common.Mappings;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliasService.Application.UnitTests.TestSupport;

/// <summary>The production key mapping profile (API keys, JWT keys) in a real AutoMapper configuration.</summary>
internal static class TestKeyMapper
{
    public static MapperConfiguration Configuration() =>
        new(cfg => cfg.AddProfile<KeyMappingProfile>(), NullLoggerFactory.Instance);

    public static IMapper Create() => Configuration().CreateMapper();
}
