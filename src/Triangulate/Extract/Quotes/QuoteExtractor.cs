using Triangulate.Model;

namespace Triangulate.Extract.Quotes;

/// <summary>
/// Finds direct quotes in every quotation style (“ ” " ' ‘ ’ « »), including split quotes, quotes continued over
/// paragraphs and partial quotes, and reported speech ("X said that ...", "according to X"); attributes each to a
/// speaker (an entity, a declared pseudonym, an anonymous description, or a pronoun's antecedent) and the channels it
/// passed through ("told X", "wrote on X"). Adds one statement claim per quote.
/// </summary>
public sealed class QuoteExtractor : IExtractor
{
    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var frames = new AttributionFrames(text);
        var quoted = new List<(int Start, int End)>();
        var quotesByBlock = new List<List<(int Start, int End)>>();
        foreach (var block in context.BodyBlocks)
        {
            var spans = FindQuotes(text, block.Start, block.End);
            quotesByBlock.Add(spans);
            quoted.AddRange(spans);
        }
        var speakers = context.Speakers.WithQuoted(quoted);
        QuoteDraft? previous = null;
        var previousBlock = -10;
        var previousSentence = -1;
        var blockIndex = 0;
        foreach (var spans in quotesByBlock)
        {
            foreach (var (start, end) in spans)
            {
                var content = Trim(text, start, end);
                if (content.End - content.Start < 3 || CountWords(text, content.Start, content.End) < 2) continue;
                var sentenceIndex = SentenceAt(context.Sentences, start);
                var partial = sentenceIndex >= 0 && IsPartial(text, context.Sentences[sentenceIndex], start - 1, end + 1);
                // A capitalised phrase quoted inside a sentence ("the “American Pie” star", "sang “Happy Birthday”") is a
                // title or a name, not speech: quoting it says nothing, so it neither speaks nor corroborates.
                if (partial && IsTitle(text, content.Start, content.End)) continue;
                var attribution = frames.ForQuote(start - 1, end + 1, speakers);
                // A partial quote inside reported speech ("X wrote in 2016 that the chip was “frighteningly good”") is
                // X's: the sentence's reporting frame speaks for it when nothing stands right beside the quote marks.
                if (attribution.Speaker is null && attribution.Kind == SpeakerKind.Unknown && sentenceIndex is var at and >= 0
                    && frames.Reported(context.Sentences[at], context.WordsOf(at), speakers) is { } reported && reported.Start <= start && reported.End >= end)
                    attribution = (reported.Speaker, reported.Kind, reported.Via);
                // A few words quoted inside a sentence with no one to say them ("received a “genius grant”", "to
                // authorize “all necessary measures”") are a scare quote or a borrowed term, not speech; they continue
                // the last speaker's words only inside that speaker's own sentence ("“…,” X said, calling it “a trap”").
                if (partial && attribution.Speaker is null && attribution.Kind == SpeakerKind.Unknown
                    && CountWords(text, content.Start, content.End) <= MaxScareQuoteWords && sentenceIndex != previousSentence) continue;
                QuoteDraft draft;
                if (attribution.Speaker is null && attribution.Kind == SpeakerKind.Unknown && previous is not null && blockIndex - previousBlock <= 2)
                {
                    // A quote with no frame continues the last speaker's words: "“...,” X said. “...”", or a new paragraph.
                    draft = previous with { Variant = Variant(context, content, true) };
                }
                else
                {
                    draft = new QuoteDraft { Speaker = attribution.Speaker, SpeakerKind = attribution.Kind, Via = attribution.Via, Variant = Variant(context, content, true) };
                }
                Add(context, draft);
                previous = draft;
                previousBlock = blockIndex;
                previousSentence = sentenceIndex;
            }
            blockIndex++;
        }
        for (var index = 0; index < context.Sentences.Count; index++)
        {
            var sentence = context.Sentences[index];
            if (Overlaps(quoted, sentence.Start, sentence.End)) continue;
            var reported = frames.Reported(sentence, context.WordsOf(index), speakers);
            if (reported is null) continue;
            var (clauseStart, clauseEnd, speaker, kind, via) = reported.Value;
            if (CountWords(text, clauseStart, clauseEnd) < 3) continue;
            Add(context, new QuoteDraft { Speaker = speaker, SpeakerKind = kind, Via = via, Variant = Variant(context, (clauseStart, clauseEnd), false) });
        }
    }

    /// <summary>Most words of a quoted phrase inside a sentence that, with no speaker, is a term rather than speech.</summary>
    private const int MaxScareQuoteWords = 3;

    /// <summary>Most words of a capitalised quoted phrase read as a title or a name.</summary>
    private const int MaxTitleWords = 4;

    /// <summary>True when the sentence has words outside the quote marks at <paramref name="open"/> and <paramref name="close"/>.</summary>
    private static bool IsPartial(string text, Text.Sentence sentence, int open, int close)
    {
        for (var i = sentence.Start; i < Math.Min(open, sentence.End); i++) if (char.IsLetterOrDigit(text[i])) return true;
        for (var i = Math.Max(close + 1, sentence.Start); i < sentence.End; i++) if (char.IsLetterOrDigit(text[i])) return true;
        return false;
    }

    /// <summary>True when every word of a short quoted phrase starts with a capital and it ends in no sentence mark.</summary>
    private static bool IsTitle(string text, int start, int end)
    {
        if (CountWords(text, start, end) > MaxTitleWords || text[end - 1] is '.' or '!' or '?') return false;
        for (var i = start; i < end; i++)
            if (char.IsLetter(text[i]) && (i == start || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] is not '\'' and not '’') && !char.IsUpper(text[i])) return false;
        return true;
    }

    /// <summary>The index of the sentence holding <paramref name="position"/>, or -1 (a quote outside every sentence).</summary>
    private static int SentenceAt(IReadOnlyList<Text.Sentence> sentences, int position)
    {
        // Binary search: sentences are in text order and do not overlap.
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].End <= position) lo = mid + 1;
            else if (sentences[mid].Start > position) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    private static void Add(ExtractionContext context, QuoteDraft draft)
    {
        context.Quotes.Add(draft);
        context.Claims.Add(new ClaimDraft
        {
            Kind = ClaimKind.Statement,
            Text = draft.Variant.Text,
            Subject = draft.Speaker,
            Mention = new Mention { Span = draft.Variant.Span, Attribution = new Attribution { Speaker = draft.Speaker, Via = draft.Via } },
        });
    }

    private static QuoteVariant Variant(ExtractionContext context, (int Start, int End) content, bool direct) =>
        new() { Span = context.Span(content.Start, content.End), Text = context.Text[content.Start..content.End], Direct = direct };

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        return (start, end);
    }

    private static int CountWords(string text, int start, int end)
    {
        var count = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (s, e) in spans) if (s < end && e > start) return true;
        return false;
    }

    /// <summary>
    /// The contents [start, end) of the quotes in one paragraph. A quote left open runs to the paragraph's end (a quote
    /// continued in the next paragraph opens again there). Straight and single quotes open only before a letter after
    /// a space and close only after non-space before a non-letter, so apostrophes ("don't", "soldiers’") are not quotes.
    /// </summary>
    internal static List<(int Start, int End)> FindQuotes(string text, int start, int end)
    {
        var result = new List<(int, int)>();
        var open = -1;
        var openChar = '\0';
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var prev = i > start ? text[i - 1] : ' ';
            var next = i + 1 < end ? text[i + 1] : ' ';
            if (open < 0)
            {
                var opens = c switch
                {
                    '“' or '«' or '„' => true,
                    // After a word's closing punctuation and before a space ("… say,\" Arians said") a straight mark closes a
                    // quote opened in an earlier paragraph or line; it opens none, or the attribution would be the quote.
                    '"' => (!char.IsLetterOrDigit(prev) || i == start) && !(prev is ',' or '.' or '!' or '?' && char.IsWhiteSpace(next)),
                    '‘' => true,
                    '\'' => !char.IsLetterOrDigit(prev) && (char.IsLetter(next) || next == '['),
                    _ => false,
                };
                if (opens) { open = i + 1; openChar = c; }
                continue;
            }
            var closes = (openChar, c) switch
            {
                ('“', '”') or ('„', '“') or ('„', '”') or ('«', '»') or ('"', '"') => true,
                ('‘', '’') or ('\'', '\'') => !char.IsWhiteSpace(prev) && !char.IsLetter(next),
                _ => false,
            };
            if (!closes) continue;
            result.Add((open, i));
            open = -1;
        }
        if (open >= 0 && open < end) result.Add((open, end));
        return result;
    }
}
