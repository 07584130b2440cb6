using AliasService.Domain.Common;

namespace AliasService.Domain.UnitTests.Common;

[TestFixture]
public sealed class OptionalTests
{
    [Test]
    public void Default_HasNoValue()
    {
        var optional = default(Optional<string?>);

        optional.HasValue.Should().BeFalse();
    }

    [Test]
    public void Absent_EqualsDefault()
    {
        Optional<int>.Absent.Should().Be(default(Optional<int>));
    }

    [Test]
    public void Value_WhenAbsent_ThrowsInvalidOperationException()
    {
        var optional = Optional<string?>.Absent;

        var act = () => optional.Value;

        act.Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void Constructor_WithNull_IsPresentAndHoldsNull()
    {
        var optional = new Optional<string?>(null);

        optional.Should().BeEquivalentTo(new { HasValue = true, Value = (string?)null });
    }

    [Test]
    public void PresentNull_DoesNotEqualAbsent()
    {
        var presentNull = new Optional<string?>(null);

        presentNull.Should().NotBe(Optional<string?>.Absent);
    }

    [Test]
    public void ImplicitConversion_FromAValue_IsPresentWithThatValue()
    {
        Optional<long> optional = 42L;

        optional.Should().BeEquivalentTo(new { HasValue = true, Value = 42L });
    }

    [Test]
    public void ImplicitConversion_FromDefaultOfValueType_IsPresent()
    {
        Optional<long> optional = 0L;

        optional.HasValue.Should().BeTrue();
    }

    [Test]
    public void GetValueOrDefault_WhenAbsent_ReturnsTheFallback()
    {
        Optional<string?>.Absent.GetValueOrDefault("fallback").Should().Be("fallback");
    }

    [Test]
    public void GetValueOrDefault_WhenPresentNull_ReturnsNullNotTheFallback()
    {
        new Optional<string?>(null).GetValueOrDefault("fallback").Should().BeNull();
    }

    [Test]
    public void GetValueOrDefault_WhenPresent_ReturnsTheValue()
    {
        new Optional<string?>("given").GetValueOrDefault("fallback").Should().Be("given");
    }

    [Test]
    public void Equality_OfTwoPresentEqualValues_IsTrue()
    {
        new Optional<string?>("same").Should().Be(new Optional<string?>("same"));
    }

    [Test]
    public void ToString_WhenAbsent_SaysAbsent()
    {
        Optional<int>.Absent.ToString().Should().Be("<absent>");
    }
}
