using System.Buffers.Text;
using System.Collections;
using AliasService.Domain.Aliases;
using AliasService.Domain.UnitTests.TestSupport;

namespace AliasService.Domain.UnitTests.Aliases;

[TestFixture]
public sealed class AliasIdTests
{
    private const int ManyIds = 2000;
    private const string UrlSafePattern = "^[A-Za-z0-9_-]+$";

    [Test]
    public void NewId_Always_IsUrlSafe()
    {
        var ids = Enumerable.Range(0, ManyIds).Select(_ => Alias.NewId());

        ids.Should().AllSatisfy(id => id.Should().MatchRegex(UrlSafePattern));
    }

    [Test]
    public void NewId_AcrossManyCalls_IsUnique()
    {
        var ids = Enumerable.Range(0, ManyIds).Select(_ => Alias.NewId()).ToList();

        ids.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void NewId_DecodedFromBase64Url_CarriesAtLeast72Bits()
    {
        var bytes = Base64Url.DecodeFromChars(Alias.NewId());

        (bytes.Length * 8).Should().BeGreaterThanOrEqualTo(72);
    }

    [Test]
    public void NewId_AcrossManyCalls_VariesInAtLeast72BitPositions()
    {
        // A counter or a timestamp would leave most bit positions constant; random ids flip every one.
        var decoded = Enumerable.Range(0, ManyIds).Select(_ => new BitArray(Base64Url.DecodeFromChars(Alias.NewId()))).ToList();
        var width = decoded[0].Length;

        var varyingPositions = Enumerable.Range(0, width)
            .Count(bit => decoded.Any(d => d[bit]) && decoded.Any(d => !d[bit]));

        varyingPositions.Should().BeGreaterThanOrEqualTo(72);
    }

    [Test]
    public void Create_Always_GivesTheAliasAUrlSafeServerGeneratedId()
    {
        var alias = TestAliases.Create(TestClock.Create());

        alias.Id.Should().MatchRegex(UrlSafePattern);
    }

    [Test]
    public void Create_CalledTwiceWithTheSameFields_GivesDifferentIds()
    {
        var clock = TestClock.Create();

        var first = TestAliases.Create(clock);
        var second = TestAliases.Create(clock);

        first.Id.Should().NotBe(second.Id);
    }

    [Test]
    public void IsWellFormedId_OfEveryNewId_IsTrue()
    {
        Enumerable.Range(0, ManyIds).Select(_ => Alias.NewId()).Should().OnlyContain(id => Alias.IsWellFormedId(id));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("AAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAA=")]
    [TestCase("AAAAAAAAAAAAAAA+")]
    [TestCase("AAAAAAAAAAAAAAA/")]
    [TestCase("AAAAAAAAAAAAAAA.")]
    [TestCase("\u0410AAAAAAAAAAAAAAA")]
    public void IsWellFormedId_OfAnythingElse_IsFalse(string? id)
    {
        Alias.IsWellFormedId(id).Should().BeFalse();
    }

    [TestCase("AAAAAAAAAAAAAAAA")]
    [TestCase("az09AZ-_az09AZ-_")]
    public void IsWellFormedId_OfSixteenBase64UrlCharacters_IsTrue(string id)
    {
        Alias.IsWellFormedId(id).Should().BeTrue();
    }
}
