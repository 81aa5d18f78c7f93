using Triangulate.Extract.Claims;

namespace Triangulate.Tests.Unit.Extract;

public sealed class ClaimLexiconTests
{
    private static readonly ClaimLexicon Lexicon = new(
        ["according to", "reportedly"],
        [("not been seen", "not-seen"), ("killed", "killed"), ("seen", "seen")],
        [("shot down", "shot-down"), ("shot", "shot")]);

    private static List<ClaimWordMatch> Scan(string text)
    {
        var matches = new List<ClaimWordMatch>();
        Lexicon.Scan(text, 0, text.Length, matches);
        return matches;
    }

    [Fact]
    public void WordsAreFoundWholeAndRegardlessOfCase()
    {
        var matches = Scan("Killed, reportedly; the unkilled and killedx are not words of the list.");
        Assert.Equal(2, matches.Count);
        Assert.Equal((ClaimWordKind.Status, 0, 6), (matches[0].Kind, matches[0].Start, matches[0].Length));
        Assert.Equal(ClaimWordKind.Hedge, matches[1].Kind);
        Assert.Equal("reportedly", Lexicon.Word(matches[1].Kind, matches[1].Index));
    }

    [Fact]
    public void MultiWordEntriesNeedTheirWordsInOrder()
    {
        var matches = Scan("He has not been seen since, according to his unit.");
        Assert.Contains(matches, m => m.Kind == ClaimWordKind.Status && Lexicon.StatusWords[m.Index].Value == "not-seen" && m.Start == 7);
        Assert.Contains(matches, m => m.Kind == ClaimWordKind.Status && Lexicon.StatusWords[m.Index].Word == "seen" && m.Start == 16);
        Assert.Contains(matches, m => m.Kind == ClaimWordKind.Hedge && m.Start == 28);
        Assert.DoesNotContain(Scan("according, to"), m => m.Kind == ClaimWordKind.Hedge);
    }

    [Fact]
    public void EveryEntryStartingAtAWordIsReportedForTheExtractorToChoose()
    {
        // Both "shot down" and "shot" start here: the extractor keeps the longer one, tried first.
        var matches = Scan("A drone was shot down.");
        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.Equal(12, m.Start));
    }
}
