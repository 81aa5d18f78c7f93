using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Reconcile;

/// <summary>
/// The story in date order: every dated claim becomes an entry with its documents; entries on the same dates that say
/// the same (most content words shared) merge, so an event reported by five outlets is one line with five sources.
/// </summary>
public sealed class TimelineStage : ICorpusStage
{
    /// <inheritdoc />
    public string Name => "timeline";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = new List<(PartialDate Start, PartialDate End, string Text, string[] Words, SortedSet<string> Claims, SortedSet<string> Documents)>();
        // Entries are keyed by their dates, so merging compares only entries of the same dates.
        var byDates = new Dictionary<(PartialDate, PartialDate), List<int>>();
        var claims = new List<Claim>(context.Claims);
        claims.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        foreach (var claim in claims)
        {
            if (claim.Time is not { } time || (time.Start ?? time.End) is not { } start) continue;
            // An age ("Ana Ruiz, 41,") describes its holder on the day of writing: its date is the article's, not an event's.
            if (claim.Measure == "age") continue;
            var end = time.End ?? start;
            var words = ContentWords.Of(claim.Text);
            if (!byDates.TryGetValue((start, end), out var list)) byDates[(start, end)] = list = [];
            var merged = false;
            foreach (var i in list)
            {
                if (ContentWords.Jaccard(entries[i].Words, words) < ClaimMatcher.SameText) continue;
                entries[i].Claims.Add(claim.Id);
                foreach (var source in claim.Sources) entries[i].Documents.Add(source);
                merged = true;
                break;
            }
            if (merged) continue;
            list.Add(entries.Count);
            entries.Add((start, end, claim.Text, words, new SortedSet<string>(StringComparer.Ordinal) { claim.Id }, new SortedSet<string>(claim.Sources, StringComparer.Ordinal)));
        }
        // Dated passages of the documents themselves: what happened when, even where no claim was extracted.
        foreach (var (document, analysis) in context.Corpus.ReadAnalyses())
        {
            var published = document.Published ?? context.InferredPublished.GetValueOrDefault(document.Id);
            var day = published is null ? (DateOnly?)null : (published.Date ?? published.Earliest).Earliest;
            // The lead sentence in the present ("forces are experiencing setbacks as the other side presses forward")
            // reports the state of things when the article was published.
            if (published is not null && Lead(document) is { } lead)
            {
                var start = published.Date ?? published.Earliest;
                var end = published.Date ?? published.Latest;
                AddPassage(entries, byDates, start, end, lead, document.Id);
            }
            foreach (var expression in analysis.Times)
            {
                // Countdowns to an event date the document itself, not an event; undated relative expressions cannot be placed.
                if (expression.Anchor == TimeAnchor.Event) continue;
                var resolved = expression.Start is null && expression.Rule is not null && day is { } d ? Tense.Resolve(expression, d, document.Text) : expression;
                if (resolved.Start is not { } start || start.Month is null) continue;
                var end = resolved.End ?? start;
                var text = SentenceAround(document.Text, expression.Span.Start, expression.Span.End);
                var words = ContentWords.Of(text);
                if (!byDates.TryGetValue((start, end), out var list)) byDates[(start, end)] = list = [];
                var merged = false;
                foreach (var i in list)
                {
                    if (ContentWords.Jaccard(entries[i].Words, words) < ClaimMatcher.SameText) continue;
                    entries[i].Documents.Add(document.Id);
                    merged = true;
                    break;
                }
                if (merged) continue;
                list.Add(entries.Count);
                entries.Add((start, end, text, words, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal) { document.Id }));
            }
        }
        entries.Sort(static (x, y) =>
        {
            var c = x.Start.CompareTo(y.Start);
            if (c == 0) c = x.End.CompareTo(y.End);
            return c != 0 ? c : string.CompareOrdinal(x.Text, y.Text);
        });
        foreach (var e in entries)
            context.Timeline.Add(new TimelineEntry { Start = e.Start, End = e.End, Text = e.Text, Claims = [.. e.Claims], Documents = [.. e.Documents] });
    }

    /// <summary>Content words a present-tense lead needs to be placed on the timeline.</summary>
    public const int MinLeadWords = 6;

    /// <summary>The first sentence of the first body paragraph when it is in the present tense; null otherwise.</summary>
    internal static string? Lead(Document document)
    {
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Body) continue;
            var sentences = new List<Sentence>();
            Splitter.Split(document.Text, block.Start, block.End, sentences);
            if (sentences.Count == 0) return null;
            var sentence = document.Text[sentences[0].Start..sentences[0].End].Trim();
            // A short opener ("The tone is dark.") sets a mood, it reports nothing: a lead needs a clause of some length.
            return ContentWords.Of(sentence).Length >= MinLeadWords && Tense.IsPresent(sentence) ? sentence : null;
        }
        return null;
    }

    private static void AddPassage(List<(PartialDate Start, PartialDate End, string Text, string[] Words, SortedSet<string> Claims, SortedSet<string> Documents)> entries,
        Dictionary<(PartialDate, PartialDate), List<int>> byDates, PartialDate start, PartialDate end, string text, string documentId)
    {
        var words = ContentWords.Of(text);
        if (!byDates.TryGetValue((start, end), out var list)) byDates[(start, end)] = list = [];
        foreach (var i in list)
        {
            if (ContentWords.Jaccard(entries[i].Words, words) < ClaimMatcher.SameText) continue;
            entries[i].Documents.Add(documentId);
            return;
        }
        list.Add(entries.Count);
        entries.Add((start, end, text, words, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal) { documentId }));
    }

    /// <summary>
    /// The sentence around [start, end), as the news sentence splitter reads its line (so "the new U.S. president"
    /// is not cut at "U."), at most about 120 characters either side of the expression. Where that reach cuts the
    /// sentence it cuts between words and says so with an ellipsis ("… the territory it first seized last summer …"),
    /// never inside a word.
    /// </summary>
    internal static string SentenceAround(string text, int start, int end)
    {
        const int Reach = 120;
        // The line, as far as the reach can use it: sentence ends within twice the reach are all that can bound the result.
        var lineStart = start;
        while (lineStart > 0 && start - lineStart < 2 * Reach && text[lineStart - 1] != '\n') lineStart--;
        var lineEnd = end;
        while (lineEnd < text.Length && lineEnd - end < 2 * Reach && text[lineEnd] != '\n') lineEnd++;
        var sentences = new List<Sentence>();
        Splitter.Split(text, lineStart, lineEnd, sentences);
        var (first, last) = (lineStart, lineEnd);
        foreach (var sentence in sentences)
        {
            if (sentence.End <= start) first = sentence.End;
            else if (sentence.Start >= end) { last = sentence.Start; break; }
        }
        var from = Math.Max(first, start - Reach);
        var cutBefore = from > first;
        // Forward to the start of the next whole word, but never past the expression itself.
        if (cutBefore)
            while (from < start && !char.IsWhiteSpace(text[from])) from++;
        var to = Math.Min(last, end + Reach);
        var cutAfter = to < last;
        if (cutAfter)
            while (to > end && !char.IsWhiteSpace(text[to - 1])) to--;
        var kept = text[from..to].Trim();
        return (cutBefore ? "… " : "") + kept + (cutAfter ? " …" : "");
    }

    private static readonly NewsSentenceSplitter Splitter = new();
}
