using AliasService.Application.Aliases;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;

namespace AliasService.Application.UnitTests.Common.Mappings;

[TestFixture]
public sealed class AliasMappingProfileTests
{
    [Test]
    public void Configuration_WithAliasMappingProfile_IsValid()
    {
        var configuration = TestMapper.Configuration();

        var act = configuration.AssertConfigurationIsValid;

        act.Should().NotThrow();
    }

    [Test]
    public void Map_OwnerView_CopiesEveryFieldWithTheWireType()
    {
        var view = new AliasView("abc123", AliasType.Live, "Town hall", "1234", "secret-secret-secret-secret-1234", "sk", 2_000_000_000, 1_900_000_000);

        var dto = TestMapper.Create().Map<AliasDto>(view);

        dto.Should().Be(new AliasDto
        {
            Id = "abc123",
            Type = "live",
            Name = "Town hall",
            Passcode = "1234",
            JwtSecret = "secret-secret-secret-secret-1234",
            StreamKey = "sk",
            ExpiredAt = 2_000_000_000,
            InsertedAt = 1_900_000_000,
        });
    }

    [TestCase(AliasType.Conference, "conference")]
    [TestCase(AliasType.Live, "live")]
    public void Map_Type_UsesTheExactWireSpelling(AliasType type, string expected)
    {
        var view = new AliasView("id", type, null, null, null, null, 1, 1);

        var dto = TestMapper.Create().Map<AliasDto>(view);

        dto.Type.Should().Be(expected);
    }

    [Test]
    public void Map_PublicView_KeepsTheRedactedSecretsNull()
    {
        var alias = TestAliases.Create(TestClock.Create());

        var dto = TestMapper.Create().Map<AliasDto>(alias.ViewFor(AliasViewer.Public));

        dto.Should().BeEquivalentTo(new { Passcode = (string?)null, JwtSecret = (string?)null, StreamKey = (string?)null });
    }

    [Test]
    public void Map_HostView_KeepsOnlyTheStreamKey()
    {
        var alias = TestAliases.Create(TestClock.Create());

        var dto = TestMapper.Create().Map<AliasDto>(alias.ViewFor(AliasViewer.Host));

        dto.Should().BeEquivalentTo(new { Passcode = (string?)null, JwtSecret = (string?)null, StreamKey = TestAliases.StreamKey });
    }
}
