using Triangulate.Model;

namespace Triangulate.Extract;

/// <summary>
/// Reads the words around a quote or a statement that say who said it: a speech verb with the speaker before or after
/// it ("one soldier wrote", "said the source"), "according to X", "X told Y that ...", and the channels named with it
/// ("told Y", "wrote on Y"). Structure only: outlets are recognised by where they stand, not by a list of names.
/// One instance per document being read: it reuses a token list, so it is not thread-safe.
/// </summary>
internal sealed class AttributionFrames(string text)
{
    private const int MaxFrame = 200;
    private const int MaxSpeakerWords = 9;
    private const int MaxInterposedWords = 14;
    private static readonly string[] FrameOpeners = ["on", "in", "at", "to", "during", "via", "through", "after", "last", "late", "earlier", "this", "from", "over", "by", "with"];

    // One list for the words of the frame being read: frames are read one at a time and their tokens not kept.
    private readonly List<WordToken> _frame = [];
    private static readonly string[] StopAfterVerb = ["in", "on", "over", "at", "to", "last", "late", "this", "during", "after", "before", "that", "when", "while", "and", "but", "adding", "citing", "referring", "about", "of", "from", "with", "for", "who", "which", "whose"];
    private static readonly string[] StopBeforeVerb = ["while", "and", "but", "as", "who", "which", "where", "when", "because", "so"];

    /// <summary>Who said the quote whose opening mark is at <paramref name="open"/> and closing mark ends before <paramref name="close"/>.</summary>
    public (string? Speaker, SpeakerKind Kind, IReadOnlyList<string> Via) ForQuote(int open, int close, SpeakerResolver speakers)
    {
        // After the quote first: news style puts the frame there ("“...,” said one soldier").
        var afterEnd = close;
        while (afterEnd < text.Length && afterEnd - close < MaxFrame && text[afterEnd] is not ('.' or '!' or '?' or '“' or '"' or '‘' or '«' or '\n' or '\r' or '\'')) afterEnd++;
        var after = FromFrame(close, afterEnd, speakers, last: false);
        if (after.Kind != SpeakerKind.Unknown) return after;
        var beforeStart = open;
        while (beforeStart > 0 && open - beforeStart < MaxFrame && text[beforeStart - 1] is not ('.' or '!' or '?' or '”' or '"' or '’' or '»' or '\n' or '\r')) beforeStart--;
        return FromFrame(beforeStart, open, speakers, last: true);
    }

    private (string? Speaker, SpeakerKind Kind, IReadOnlyList<string> Via) FromFrame(int start, int end, SpeakerResolver speakers, bool last)
    {
        if (end <= start) return (null, SpeakerKind.Unknown, []);
        var tokens = _frame;
        tokens.Clear();
        WordTokenizer.Tokenize(text, start, end, tokens);
        var verb = -1;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!IsSpeechVerb(tokens[k])) continue;
            verb = k;
            if (!last) break;
        }
        if (verb < 0) return (null, SpeakerKind.Unknown, []);
        var (speaker, kind) = SpeakerAround(tokens, verb, speakers);
        return (speaker, kind, Via(tokens, verb));
    }

    private (string? Speaker, SpeakerKind Kind) SpeakerAround(List<WordToken> tokens, int verb, SpeakerResolver speakers)
    {
        // Auxiliaries and adverbs belong to the verb ("the minister has said", "the navy had originally announced"), and
        // a bracket after a name is the name's ("Rep. Ana Ruiz (D-Ore.) said").
        var to = verb;
        while (to > 0 && tokens[to - 1].IsWord && (Span(tokens[to - 1]) is "been" or "be" or "also" or "later" or "then" or "previously" or "once"
            || Contains(FiniteAuxiliaries, Span(tokens[to - 1])) || Claims.StatusBearers.IsAdverb(text, tokens[to - 1]))) to--;
        if (to > 1 && !tokens[to - 1].IsWord && text[tokens[to - 1].Start] == ')')
        {
            var open = to - 2;
            while (open > 0 && to - open <= 8 && (tokens[open].IsWord || text[tokens[open].Start] != '(')) open--;
            if (open > 0 && !tokens[open].IsWord && text[tokens[open].Start] == '(' && tokens[open - 1].IsWord) to = open;
        }
        var from = to;
        while (from > 0 && to - from < MaxSpeakerWords && tokens[from - 1].IsWord && !Contains(StopBeforeVerb, Span(tokens[from - 1]))) from--;
        if (from == to && Interposed(tokens, to, speakers) is { } interposed) return interposed;
        // Words holding an auxiliary of their own are a clause, not a subject: in "their defence is a lot better than
        // people think" or "a review would be held only if evidence suggested" none of them speaks.
        if (to > from && !HoldsAuxiliary(tokens, from, to))
        {
            var resolved = speakers.Resolve(tokens[from].Start, tokens[to - 1].End);
            if (resolved.Kind != SpeakerKind.Unknown) return resolved;
        }
        var end = verb + 1;
        while (end < tokens.Count && end - verb <= MaxSpeakerWords && tokens[end].IsWord && !Contains(StopAfterVerb, Span(tokens[end]))) end++;
        // "told X": X is the channel, not the speaker.
        if (Span(tokens[verb]) is "told" or "tells") return (null, SpeakerKind.Unknown);
        // "said the rules issued Thursday showed …", "said the vessel was a trawler": the words after the verb are
        // the subject of what was said, not who said it.
        if (OpensClause(tokens, verb + 1, end)) return (null, SpeakerKind.Unknown);
        if (end > verb + 1) return speakers.Resolve(tokens[verb + 1].Start, tokens[end - 1].End);
        return (null, SpeakerKind.Unknown);
    }

    /// <summary>
    /// The speaker of "X, the agency's head, said" and "X, who was not named, wrote": a comma-bounded appositive or
    /// relative clause stands between the subject and its verb. The subject before it speaks when it resolves to a
    /// name; else a name in the appositive ("a commander of the group, Brig. Gen. Y, said" is Y); else the subject as
    /// a description ("One executive, who ..., wrote"). Null when no such pair of commas precedes the verb.
    /// </summary>
    private (string? Speaker, SpeakerKind Kind)? Interposed(List<WordToken> tokens, int verb, SpeakerResolver speakers)
    {
        if (verb < 3 || text[tokens[verb - 1].Start] != ',') return null;
        var open = verb - 2;
        while (open > 0 && verb - open <= MaxInterposedWords && text[tokens[open].Start] != ',' && (tokens[open].IsWord || text[tokens[open].Start] is '.' or '\'' or '’' or '-')) open--;
        if (open <= 0 || open == verb - 2 || text[tokens[open].Start] != ',') return null;
        var from = open;
        while (from > 0 && open - from < MaxSpeakerWords && tokens[from - 1].IsWord && !Contains(StopBeforeVerb, Span(tokens[from - 1]))) from--;
        if (from == open) return null;
        var subject = speakers.Resolve(tokens[from].Start, tokens[open - 1].End);
        var relative = Span(tokens[open + 1]) is "who" or "which" or "whose" or "whom";
        if (subject.Kind is SpeakerKind.Named or SpeakerKind.Pseudonym || relative) return subject.Kind == SpeakerKind.Unknown ? null : subject;
        var appositive = speakers.Resolve(tokens[open + 1].Start, tokens[verb - 2].End);
        if (appositive.Kind is SpeakerKind.Named or SpeakerKind.Pseudonym) return appositive;
        return subject.Kind == SpeakerKind.Unknown ? null : subject;
    }

    private List<string> Via(List<WordToken> tokens, int verb)
    {
        var via = new List<string>();
        for (var k = verb; k < tokens.Count - 1; k++)
        {
            var w = Span(tokens[k]);
            var isTold = k == verb && w is "told" or "tells";
            if (!isTold && w is not ("on" or "to" or "via")) continue;
            var name = NameAt(tokens, k + 1);
            if (name is not null && !via.Contains(name)) via.Add(name);
        }
        return via;
    }

    /// <summary>A channel starting at token <paramref name="k"/>: a capitalised run, or a generic channel ("state media").</summary>
    private string? NameAt(List<WordToken> tokens, int k)
    {
        if (k >= tokens.Count || !tokens[k].IsWord) return null;
        if (k + 1 < tokens.Count)
        {
            // Looked up from a stack buffer: the pair becomes a string only when it names a channel.
            var first = Span(tokens[k]);
            var second = Span(tokens[k + 1]);
            var length = first.Length + 1 + second.Length;
            if (length <= 64)
            {
                Span<char> two = stackalloc char[length];
                first.CopyTo(two);
                two[first.Length] = ' ';
                second.CopyTo(two[(first.Length + 1)..]);
                if (ExtractLexicon.Outlets.Has(two)) return two.ToString();
            }
            else if (ExtractLexicon.Outlets.Contains(string.Concat(first, " ", second))) return string.Concat(first, " ", second);
        }
        if (Span(tokens[k]) is "the" && k + 1 < tokens.Count && char.IsUpper(text[tokens[k + 1].Start])) k++;
        if (!char.IsUpper(text[tokens[k].Start])) return ExtractLexicon.Outlets.Has(Span(tokens[k])) ? Word(tokens[k]) : null;
        var end = k;
        while (end < tokens.Count && tokens[end].IsWord && char.IsUpper(text[tokens[end].Start])) end++;
        var name = text[tokens[k].Start..tokens[end - 1].End];
        return name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name;
    }

    /// <summary>
    /// Reported speech in one sentence: "according to X, ...", "X said (that) ...", "..., X said." Returns the reported
    /// clause and its source, or null.
    /// </summary>
    /// <remarks><paramref name="tokens"/> are the sentence's word tokens (<see cref="ExtractionContext.WordsOf"/>).</remarks>
    public (int Start, int End, string? Speaker, SpeakerKind Kind, IReadOnlyList<string> Via)? Reported(Triangulate.Text.Sentence sentence, List<WordToken> tokens, SpeakerResolver speakers)
    {
        if (tokens.Count < 4) return null;
        var sentenceEnd = tokens[^1].IsWord ? tokens[^1].End : tokens[^1].Start;
        for (var k = 0; k + 2 < tokens.Count; k++)
        {
            if (!Span(tokens[k]).Equals("according", StringComparison.OrdinalIgnoreCase) || !Span(tokens[k + 1]).SequenceEqual("to")) continue;
            var npEnd = k + 2;
            while (npEnd < tokens.Count && tokens[npEnd].IsWord && npEnd - k < MaxSpeakerWords + 2 && !Contains(FiniteAuxiliaries, Span(tokens[npEnd]))) npEnd++;
            // "According to figures from the agency the outage was caused by …": without a comma, the source ends
            // where the clause's subject begins, the last determiner before its auxiliary.
            if (npEnd < tokens.Count && tokens[npEnd].IsWord && npEnd - (k + 2) >= 2)
            {
                var subject = npEnd - 1;
                while (subject > k + 3 && !Contains(Determiners, Span(tokens[subject]))) subject--;
                npEnd = subject > k + 3 ? subject : npEnd - 1;
            }
            if (npEnd == k + 2) continue;
            var (speaker, kind) = speakers.Resolve(tokens[k + 2].Start, tokens[npEnd - 1].End);
            if (kind == SpeakerKind.Unknown) (speaker, kind) = (text[tokens[k + 2].Start..tokens[npEnd - 1].End], SpeakerKind.Named);
            var via = new List<string>();
            var entity = speakers.EntityAt(tokens[k + 2].Start, tokens[npEnd - 1].End);
            if (entity is not null && entity.Type == EntityType.Organization) via.Add(entity.Name);
            if (k == 0)
            {
                var clause = npEnd < tokens.Count && text[tokens[npEnd].Start] == ',' ? npEnd + 1 : npEnd;
                return clause < tokens.Count ? (tokens[clause].Start, sentenceEnd, speaker, kind, via) : null;
            }
            var before = k > 0 && text[tokens[k - 1].Start] == ',' ? k - 1 : k;
            return before > 0 ? (sentence.Start, tokens[before - 1].End, speaker, kind, via) : null;
        }
        for (var k = 1; k + 1 < tokens.Count; k++)
        {
            if (!IsSpeechVerb(tokens[k])) continue;
            var (speaker, kind) = SpeakerAround(tokens, k, speakers);
            if (kind == SpeakerKind.Unknown) continue;
            var via = Via(tokens, k);
            var clause = k + 1;
            if (via.Count > 0 && Span(tokens[k]) is "told") { clause++; while (clause < tokens.Count && tokens[clause].IsWord && char.IsUpper(text[tokens[clause].Start])) clause++; }
            // "said on Telegram that", "wrote in 2016 that": a short phrase of place, channel or time before "that".
            if (clause < tokens.Count && tokens[clause].IsWord && Contains(FrameOpeners, Span(tokens[clause])))
                for (var j = clause + 1; j < tokens.Count && j - clause <= 5 && tokens[j].IsWord; j++)
                    if (Span(tokens[j]) is "that") { clause = j; break; }
            if (clause < tokens.Count && Span(tokens[clause]) is "that") return clause + 1 < tokens.Count ? (tokens[clause + 1].Start, sentenceEnd, speaker, kind, via) : null;
            // "..., Tomas said." and "..., he said." close the sentence: the clause is what precedes them. Not when a
            // subject before the verb is followed by a clause of its own ("Despite the losses, Tomas thinks the plan is
            // sound"): what he thinks comes after the verb, and the words before the comma are no statement.
            if (k >= 2 && IsTail(tokens, k) && !(tokens[k - 1].IsWord && ClauseFollows(tokens, k)))
            {
                var comma = k - 1;
                while (comma > 0 && text[tokens[comma].Start] != ',') comma--;
                if (comma > 0) return (sentence.Start, tokens[comma - 1].End, speaker, kind, via);
            }
        }
        return null;
    }

    /// <summary>
    /// A speech verb as written in running text: lower case, so the "States" of "the United States" or a headline's
    /// "Reports" is not read as "states" or "reports".
    /// </summary>
    private bool IsSpeechVerb(WordToken token) =>
        token.IsWord && char.IsLower(text[token.Start]) && ExtractLexicon.SpeechVerbs.Has(Span(token));

    /// <summary>Auxiliaries and copulas: one after a reporting verb opens a complement clause, not an adverbial.</summary>
    private static readonly string[] FiniteAuxiliaries = ["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "does", "did"];

    /// <summary>
    /// True when the words [start, end) hold a finite auxiliary or copula, or a lower-case past form between a noun and
    /// a determiner ("the process resolved the problem", not "the company's advanced threat researcher"): a clause of
    /// its own, whose subject is no speaker.
    /// </summary>
    private bool OpensClause(List<WordToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var word = Span(tokens[k]);
            if (Contains(FiniteAuxiliaries, word)) return true;
            if (k > start && k + 1 < end && char.IsLower(text[tokens[k].Start]) && word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)
                && !Contains(Determiners, Span(tokens[k - 1])) && Contains(Determiners, Span(tokens[k + 1]))) return true;
        }
        return false;
    }

    private bool HoldsAuxiliary(List<WordToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++) if (Contains(FiniteAuxiliaries, Span(tokens[k]))) return true;
        return false;
    }

    private static readonly string[] Determiners = ["the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "one"];

    /// <summary>True when a word after <paramref name="verb"/> is a finite auxiliary or copula: a clause, not "on Tuesday" or "in a statement".</summary>
    private bool ClauseFollows(List<WordToken> tokens, int verb)
    {
        for (var k = verb + 1; k < tokens.Count && tokens[k].IsWord; k++)
            if (Contains(FiniteAuxiliaries, Span(tokens[k]))) return true;
        return false;
    }

    private bool IsTail(List<WordToken> tokens, int verb)
    {
        for (var k = verb + 1; k < tokens.Count; k++)
        {
            if (!tokens[k].IsWord) return text[tokens[k].Start] is '.' or '!' or '?';
            if (k - verb > MaxSpeakerWords) return false;
        }
        return true;
    }

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (var w in words) if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private string Word(WordToken token) => text[token.Start..token.End];

    /// <summary>The token's characters without a copy: for the per-token tests of the hot loops.</summary>
    private ReadOnlySpan<char> Span(WordToken token) => text.AsSpan(token.Start, token.End - token.Start);
}
