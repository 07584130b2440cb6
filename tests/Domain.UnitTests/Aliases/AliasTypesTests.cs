using AliasService.Domain.Aliases;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasTypesTests
{
    [TestCase("conference", AliasType.Conference)]
    [TestCase("live", AliasType.Live)]
    public void TryParse_WithExactWireSpelling_ReturnsTheType(string text, AliasType expected)
    {
        var parsed = AliasTypes.TryParse(text, out var type);

        parsed.Should().BeTrue();
        type.Should().Be(expected);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Conference")]
    [TestCase("LIVE")]
    [TestCase(" live")]
    [TestCase("live ")]
    [TestCase("webinar")]
    [TestCase("1")]
    public void TryParse_WithAnythingElse_ReturnsFalse(string? text)
    {
        var parsed = AliasTypes.TryParse(text, out _);

        parsed.Should().BeFalse();
    }

    [TestCase(AliasType.Conference, "conference")]
    [TestCase(AliasType.Live, "live")]
    public void ToWire_WithKnownType_ReturnsTheWireSpelling(AliasType type, string expected)
    {
        type.ToWire().Should().Be(expected);
    }

    [Test]
    public void ToWire_WithUndefinedType_ThrowsArgumentOutOfRangeException()
    {
        var act = () => ((AliasType)0).ToWire();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
