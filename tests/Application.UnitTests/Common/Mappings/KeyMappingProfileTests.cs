using AliasService.Application.ApiKeys;
using AliasService.Application.Common.Mappings;
using AliasService.Application.JwtKeys;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Organizations;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliasService.Application.UnitTests.Common.Mappings;

[TestFixture]
public sealed class KeyMappingProfileTests
{
    [Test]
    public void Configuration_WithKeyMappingProfile_IsValid()
    {
        var configuration = TestMapper.Configuration();

        var act = configuration.AssertConfigurationIsValid;

        act.Should().NotThrow();
    }

    [Test]
    public void Configuration_WithEveryProfileOfTheApplicationAssembly_IsValid()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddMaps(typeof(KeyMappingProfile).Assembly), NullLoggerFactory.Instance);

        var act = configuration.AssertConfigurationIsValid;

        act.Should().NotThrow();
    }

    [Test]
    public void Map_ApiKeyToApiKeyDto_CopiesIdAndTimes()
    {
        var clock = TestClock.Create();
        var organization = Organization.Create("Acme", clock);
        var key = organization.ApiKeys.Single();
        clock.Advance(TimeSpan.FromMinutes(2));
        key.MarkUsed(clock);

        var dto = TestMapper.Create().Map<ApiKeyDto>(key);

        dto.Should().Be(new ApiKeyDto(key.Id, TestClock.StartSeconds, TestClock.StartSeconds + 120, null));
    }

    [Test]
    public void Map_ApiKeyToCreatedApiKeyDto_CarriesTheSecret()
    {
        var organization = Organization.Create("Acme", TestClock.Create());
        var key = organization.ApiKeys.Single();

        var dto = TestMapper.Create().Map<CreatedApiKeyDto>(key);

        dto.Should().Be(new CreatedApiKeyDto(key.Id, key.Secret, TestClock.StartSeconds, null, null));
    }

    [Test]
    public void Map_JwtKeyToJwtKeyDto_TakesThePublicKeyFromThePem()
    {
        var key = TestJwtKeys.Create(TestClock.Create(), name: "signer");

        var dto = TestMapper.Create().Map<JwtKeyDto>(key);

        dto.Should().Be(new JwtKeyDto
        {
            Id = key.Id,
            Name = "signer",
            PublicKey = TestJwtKeys.Pem,
            Algorithm = TestJwtKeys.Info.Algorithm,
            Fingerprint = TestJwtKeys.Info.Fingerprint,
            CreatedAt = TestClock.StartSeconds,
            UpdatedAt = TestClock.StartSeconds,
        });
    }
}
