using System.Buffers.Text;
using AliasService.Domain.Common;

namespace AliasService.Domain.UnitTests.Common;

[TestFixture]
public sealed class RandomIdentifierTests
{
    [Test]
    public void New_WithPrefix_StartsWithThePrefix()
    {
        var id = RandomIdentifier.New("ak_", 12);

        id.Should().StartWith("ak_");
    }

    [TestCase(9)]
    [TestCase(12)]
    [TestCase(32)]
    public void New_AfterThePrefix_IsBase64UrlOfExactlyTheRequestedNumberOfBytes(int randomBytes)
    {
        var id = RandomIdentifier.New("p_", randomBytes);

        Base64Url.DecodeFromChars(id.AsSpan("p_".Length)).Should().HaveCount(randomBytes);
    }

    [TestCase(0)]
    [TestCase(8)]
    public void New_WithFewerThan72Bits_ThrowsArgumentOutOfRangeException(int randomBytes)
    {
        var act = () => RandomIdentifier.New(string.Empty, randomBytes);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void New_AcrossManyCalls_IsUnique()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => RandomIdentifier.New(string.Empty, 9)).ToList();

        ids.Should().OnlyHaveUniqueItems();
    }
}
