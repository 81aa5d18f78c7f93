using System.Globalization;
using System.Text;
using Triangulate.Reconcile;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class ContentWordsTests
{
    [Theory]
    [InlineData("The soldiers said 1,376 soldiers were killed in Kyïv and KYÏV.")]
    [InlineData("Cafe\u0301 owners met café owners; the Ostseestraße shops closed.")]
    [InlineData("\"Ships\" and ships: 4.5 ships, 12 buses, a bus, the glass.")]
    [InlineData("İstanbul's Öztürk and ÖZTÜRK opened; Ωmega and ωmega.")]
    [InlineData("")]
    [InlineData("a an the of")]
    public void ContentWordsAreTheDistinctLoweredWordsInOrdinalOrder(string text)
    {
        Assert.Equal(Reference(text, anchorsOnly: false), ContentWords.Of(text));
        Assert.Equal(Reference(text, anchorsOnly: true), ContentWords.Anchors(text));
        Assert.Equal(Reference(text, anchorsOnly: false), ContentWords.Of(("x " + text + " y").AsSpan(2, text.Length)));
    }

    [Fact]
    public void ALongTextIsReadWhole()
    {
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => "Word" + i.ToString(CultureInfo.InvariantCulture)));
        var words = ContentWords.Of(text);
        Assert.Equal(400, words.Length);
        Assert.Equal(Reference(text, anchorsOnly: false), words);
    }

    [Fact]
    public void SeveralTextsGiveTheirWordsTogether() =>
        Assert.Equal(["bridge", "closed", "river"], ContentWords.Of(["the bridge closed", null, "", "river bridges"]));

    /// <summary>The words as a sorted set of strings, each lowered, composed and lowered again, gave them (the rule before spans).</summary>
    private static string[] Reference(string text, bool anchorsOnly)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var stop = ReconcileData.Stopwords;
        var i = 0;
        var sentenceStart = true;
        var token = new StringBuilder();
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                if (text[i] is '.' or '!' or '?' or '"' or '“' or '\'' or '‘' or ':') sentenceStart = true;
                i++;
                continue;
            }
            var start = i;
            token.Clear();
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > start && char.IsDigit(text[i - 1]))))
            {
                if (text[i] != ',') token.Append(char.ToLowerInvariant(text[i]));
                i++;
            }
            var word = token.ToString();
            var capitalised = char.IsUpper(text[start]);
            var numeric = char.IsDigit(text[start]);
            var opensSentence = sentenceStart;
            sentenceStart = false;
            if (stop.Contains(word)) continue;
            if (!numeric && word.Length > 3 && word[^1] == 's' && word[^2] != 's') word = word[..^1];
            if (anchorsOnly && !(numeric || (capitalised && !opensSentence) || word.Length >= 10)) continue;
            if (word.Length < 2 && !numeric) continue;
            words.Add(word.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture));
        }
        return [.. words];
    }
}
