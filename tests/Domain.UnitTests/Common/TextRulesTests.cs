using AliasService.Domain.Common;
using AliasService.Domain.UnitTests.TestSupport;

namespace AliasService.Domain.UnitTests.Common;

[TestFixture]
public sealed class TextRulesTests
{
    [TestCase("\u0000", "U+0000 (a control character)")]
    [TestCase("a\u0007b", "U+0007 (a control character)")]
    [TestCase("line\nbreak", "U+000A (a control character)")]
    [TestCase("del\u007F", "U+007F (a control character)")]
    [TestCase("c1\u0085", "U+0085 (a control character)")]
    [TestCase("\uFDD0", "U+FDD0 (a noncharacter)")]
    [TestCase("x\uFDEF", "U+FDEF (a noncharacter)")]
    [TestCase("\uFFFE", "U+FFFE (a noncharacter)")]
    [TestCase("\uFFFF", "U+FFFF (a noncharacter)")]
    [TestCase("\U0001FFFF", "U+1FFFF (a noncharacter)")]
    [TestCase("\U0010FFFE", "U+10FFFE (a noncharacter)")]
    [TestCase("abc\u202Egpj.exe", "U+202E (a bidirectional control character)")]
    [TestCase("\u202A", "U+202A (a bidirectional control character)")]
    [TestCase("\u2066x\u2069", "U+2066 (a bidirectional control character)")]
    [TestCase("\u2069", "U+2069 (a bidirectional control character)")]
    [TestCase("\u200E", "U+200E (a bidirectional control character)")]
    [TestCase("\u200F", "U+200F (a bidirectional control character)")]
    [TestCase("\u061C", "U+061C (a bidirectional control character)")]
    public void FindForbiddenCharacter_NamesTheFirstOffendingCodePoint(string text, string named)
    {
        TextRules.FindForbiddenCharacter(text).Should().Be("must not contain " + named);
    }

    // Built in code: attribute arguments are stored as UTF-8, which cannot hold an unpaired surrogate.
    [TestCase("", 0xD800, "", "U+D800")]
    [TestCase("ok", 0xDC00, "", "U+DC00")]
    [TestCase("", 0xD83D, " x", "U+D83D")]
    public void FindForbiddenCharacter_RefusesUnpairedSurrogates(string before, int surrogate, string after, string named)
    {
        var text = before + (char)surrogate + after;

        TextRules.FindForbiddenCharacter(text).Should().Be($"must not contain {named} (an unpaired surrogate)");
    }

    [TestCase("Team Sync")]
    [TestCase("caf\u00E9 \u00FCber \u65E5\u672C")]
    [TestCase("\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627")]
    [TestCase("family \U0001F468\u200D\U0001F469\u200D\U0001F467")]
    [TestCase("\uFFFD\uFFFC")]
    [TestCase("\uE000 private use")]
    public void FindForbiddenCharacter_AcceptsOrdinaryTextInAnyScript(string text)
    {
        TextRules.FindForbiddenCharacter(text).Should().BeNull();
    }

    [TestCase(" ")]
    [TestCase("\u00A0\u3000\u2003")]
    [TestCase("\u200D")]
    [TestCase("\u200B\u200C\u2060\uFEFF")]
    [TestCase("\u3164\u115F")]
    [TestCase(" \uFE0F ")]
    public void IsBlank_WithOnlyWhitespaceAndInvisibleCharacters_IsTrue(string text)
    {
        TextRules.IsBlank(text).Should().BeTrue();
    }

    [TestCase("a")]
    [TestCase(" . ")]
    [TestCase("\u200D\U0001F600")]
    public void IsBlank_WithSomethingVisible_IsFalse(string text)
    {
        TextRules.IsBlank(text).Should().BeFalse();
    }

    [Test]
    public void Length_CountsUnicodeScalarValues()
    {
        TextRules.Length(Text.Repeat(Text.Emoji, 3) + Text.TwoByteLetter + "a").Should().Be(5);
    }

    [Test]
    public void Check_WithTooManyScalarValues_SaysTheCharacterRange()
    {
        TextRules.Check(Text.Repeat(Text.Emoji, 11), 1, 10).Should().Be("must be 1 to 10 characters");
    }

    [Test]
    public void Check_WithMaximumOfScalarValuesOutsideTheBasicPlane_Passes()
    {
        TextRules.Check(Text.Repeat(Text.Emoji, 10), 1, 10).Should().BeNull();
    }

    [Test]
    public void Check_ABlankName_IsRefusedButABlankNonName_IsNot()
    {
        TextRules.Check("    ", 1, 10, isName: true).Should().Be("must not be blank (only spaces or invisible characters)");
        TextRules.Check("    ", 1, 10, isName: false).Should().BeNull();
    }

    [Test]
    public void Check_AForbiddenCharacter_IsReportedBeforeTheLength()
    {
        TextRules.Check("\u0000", 4, 10).Should().Be("must not contain U+0000 (a control character)");
    }
}
