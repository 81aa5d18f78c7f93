using Triangulate.Model;

namespace Triangulate.Extract.Claims;

/// <summary>
/// Finds status claims (a person or thing killed, wounded, captured, unharmed, destroyed, missing, not seen, escaped)
/// and event claims (launched, seized, retook, shot down ...) in body sentences. The subject is the nearest entity
/// before the status word, a definite title ("the general") or pronoun resolved to the last person named, or the
/// noun phrase before the auxiliary; the attribution and hedge come from the same sentence; event time comes from a
/// time expression in the same sentence when the time extractor found one.
/// </summary>
public sealed class ClaimExtractor : IExtractor
{
    private static readonly string[] Hedges = ["reportedly", "allegedly", "according to", "reported", "claimed", "rumors", "rumours", "unconfirmed", "possibly", "may have", "might have", "likely", "appears", "apparently", "is said to", "believed to"];
    private static readonly string[] Auxiliaries = ["was", "were", "is", "are", "been", "being", "be", "has", "have", "had", "got"];

    private static readonly Lazy<ClaimLexicon> Lexicon = new(() => new ClaimLexicon(Hedges, ExtractLexicon.StatusWords, ExtractLexicon.EventVerbs));

    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var lexicon = Lexicon.Value;
        var speakers = context.Speakers;
        var frames = new AttributionFrames(text);
        var matches = new List<ClaimWordMatch>();
        var statuses = new List<ClaimWordMatch>();
        var events = new List<ClaimWordMatch>();
        var taken = new List<(int Start, int End)>();
        for (var sentenceIndex = 0; sentenceIndex < context.Sentences.Count; sentenceIndex++)
        {
            var sentence = context.Sentences[sentenceIndex];
            // One pass finds every hedge, status word and event verb of the sentence; most sentences have none.
            matches.Clear();
            lexicon.Scan(text, sentence.Start, sentence.End, matches);
            if (matches.Count == 0) continue;
            var tokens = context.WordsOf(sentenceIndex);
            Attribution? attribution = null;
            var attributionDone = false;
            string? hedge = null;
            var hedgeIndex = int.MaxValue;
            statuses.Clear();
            events.Clear();
            foreach (var m in matches)
            {
                if (m.Kind == ClaimWordKind.Hedge) { if (m.Index < hedgeIndex) hedgeIndex = m.Index; }
                else (m.Kind == ClaimWordKind.Status ? statuses : events).Add(m);
            }
            if (hedgeIndex != int.MaxValue) hedge = lexicon.Hedges[hedgeIndex];
            taken.Clear();
            foreach (var (index, _, status) in Occurrences(lexicon.StatusWords, statuses, tokens, taken))
            {
                if (PrecededByNumber(text, tokens, index)) continue;
                var bearer = StatusBearer(text, tokens, index);
                if (bearer == Bearer.None) continue;
                var subject = bearer == Bearer.Subject ? Subject(context, speakers, tokens, index, sentence.Start)
                    : EntityAfter(speakers, tokens, index + 1) is { } done ? (done.Id, done.Name) : null;
                if (subject is null) continue;
                if (!attributionDone) { attribution = AttributionOf(frames, speakers, sentence, tokens); attributionDone = true; }
                var negated = !status.StartsWith("not-", StringComparison.Ordinal) && Negated(text, tokens, index);
                var finalStatus = negated ? "not-" + status : status;
                context.Claims.Add(new ClaimDraft
                {
                    Kind = ClaimKind.Status,
                    Text = subject.Value.Name + ": " + finalStatus,
                    Subject = subject.Value.Key,
                    Status = finalStatus,
                    Mention = new Mention { Span = context.Span(sentence.Start, sentence.End), Attribution = attribution, Hedge = hedge },
                    Keys = [subject.Value.Name.ToLowerInvariant(), finalStatus],
                });
            }
            foreach (var (index, word, eventType) in Occurrences(lexicon.EventVerbs, events, tokens, taken))
            {
                var subject = EntityBefore(speakers, tokens, index, sentence.Start, person: false);
                var obj = EntityAfter(speakers, tokens, index + WordCount(word));
                // An event needs what it was done to: "Oleh said, 400 North Korean troops launched an assault" is not
                // "Oleh launched"; without an object entity the sentence's figures and quotes carry it instead.
                if (obj is null) continue;
                if (!attributionDone) { attribution = AttributionOf(frames, speakers, sentence, tokens); attributionDone = true; }
                var time = TimeIn(context, sentence.Start, sentence.End);
                var keys = new List<string> { eventType };
                if (subject is not null) keys.Add(subject.Name.ToLowerInvariant());
                keys.Add(obj.Name.ToLowerInvariant());
                context.Claims.Add(new ClaimDraft
                {
                    Kind = ClaimKind.Event,
                    Text = subject is null ? word + " " + obj.Name : subject.Name + " " + word + " " + obj.Name,
                    Subject = subject?.Id ?? obj.Id,
                    Status = eventType,
                    Time = time is null ? null : new DateRange { Start = time.Start, End = time.End },
                    TimeSource = time,
                    Mention = new Mention { Span = context.Span(sentence.Start, sentence.End), Attribution = attribution, Hedge = hedge },
                    Keys = keys,
                });
            }
        }
    }

    private static int WordCount(string phrase)
    {
        var count = 1;
        foreach (var c in phrase) if (c == ' ') count++;
        return count;
    }

    private static Attribution? AttributionOf(AttributionFrames frames, SpeakerResolver speakers, Text.Sentence sentence, List<WordToken> tokens)
    {
        var reported = frames.Reported(sentence, tokens, speakers);
        return reported is null ? null : new Attribution { Speaker = reported.Value.Speaker, Via = reported.Value.Via };
    }

    private static TimeExpression? TimeIn(ExtractionContext context, int start, int end)
    {
        foreach (var t in context.Times) if (t.Span.Start >= start && t.Span.End <= end) return t;
        return null;
    }

    private static (string Key, string Name)? Subject(ExtractionContext context, SpeakerResolver speakers, List<WordToken> tokens, int index, int sentenceStart)
    {
        var person = EntityBefore(speakers, tokens, index, sentenceStart, person: true);
        if (person is not null) return (person.Id, person.Name);
        // "the general was killed", "he was wounded": the last person named before this sentence.
        for (var k = index - 1; k >= 0 && index - k <= 4; k--)
        {
            var w = context.Text[tokens[k].Start..tokens[k].End];
            var titled = k > 0 && context.Text[tokens[k - 1].Start..tokens[k - 1].End] == "the" && ExtractLexicon.Titles.Contains(char.ToUpperInvariant(w[0]) + w[1..]);
            if (titled || w is "he" or "she" or "He" or "She")
            {
                var antecedent = speakers.NearestPerson(tokens[k].Start);
                if (antecedent is not null) return (antecedent.Id, antecedent.Name);
            }
        }
        var other = EntityBefore(speakers, tokens, index, sentenceStart, person: false);
        if (other is not null) return (other.Id, other.Name);
        // The noun phrase before the auxiliary: "some soldiers were killed".
        var aux = index - 1;
        while (aux >= 0 && tokens[aux].IsWord && !IsAuxiliary(context.Text, tokens[aux]) && index - aux <= 2) aux--;
        if (aux < 1 || !tokens[aux].IsWord || !IsAuxiliary(context.Text, tokens[aux])) return null;
        // Back over a raising chain to the noun phrase: "soldiers are thought to have been killed".
        while (aux > 1 && tokens[aux - 1].IsWord && (IsAuxiliary(context.Text, tokens[aux - 1]) || Contains(RaisingChain, context.Text.AsSpan(tokens[aux - 1].Start, tokens[aux - 1].End - tokens[aux - 1].Start)))) aux--;
        var from = aux;
        while (from > 0 && aux - from < 4 && tokens[from - 1].IsWord && !IsClauseWord(context.Text, tokens[from - 1])) from--;
        // The count is the quantity claim's; the status belongs to the things counted ("1,000 soldiers" → "soldiers").
        while (from < aux && char.IsDigit(context.Text[tokens[from].Start])) from++;
        if (from == aux) return null;
        var phrase = context.Text[tokens[from].Start..tokens[aux - 1].End];
        return (phrase, phrase);
    }

    /// <summary>
    /// Statuses a verb gives to what it was done to ("killed", "captured", "destroyed"): the sentence's subject has that
    /// status only in the passive ("the general was killed", "were left dead or wounded", "has not been seen").
    /// "Ukraine had captured the town" says nothing of Ukraine's fate; "the captured territory" is a modifier.
    /// </summary>
    private static readonly string[] DoneTo = ["killed", "slain", "eliminated", "wounded", "injured", "hurt", "captured", "detained", "arrested", "destroyed", "damaged", "seen"];

    private static readonly string[] Determiners = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"];

    private static readonly string[] PassiveAuxiliaries = ["was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"];

    private static readonly string[] RaisingChain = ["to", "thought", "said", "believed", "reported", "known", "feared", "understood", "likely", "presumed", "assumed", "confirmed"];

    private static readonly string[] ClauseBreaks = ["but", "while", "whereas", "although", "though", "however"];

    /// <summary>Whose status a status word states: the clause's subject, the verb's object, or nobody.</summary>
    private enum Bearer
    {
        None,
        Subject,
        Object,
    }

    /// <summary>
    /// Whose status the status word at <paramref name="index"/> states: an adjective or intransitive verb ("dead",
    /// "died", "unharmed") and a passive ("was killed") state the subject's; an active transitive verb ("forces
    /// captured the town") its object's; a modifier ("the captured territory") nobody's.
    /// </summary>
    private static Bearer StatusBearer(string text, List<WordToken> tokens, int index)
    {
        var word = text[tokens[index].Start..tokens[index].End];
        if (index > 0 && (Contains(Determiners, text.AsSpan(tokens[index - 1].Start, tokens[index - 1].End - tokens[index - 1].Start))
            || text[tokens[index - 1].Start..tokens[index - 1].End] is "s" or "’s" or "'s")) return Bearer.None;
        if (!Contains(DoneTo, word)) return Bearer.Subject;
        for (var k = index - 1; k >= 0 && index - k <= 4; k--)
        {
            if (!tokens[k].IsWord) { if (text[tokens[k].Start] is ',' or ';') break; continue; }
            var w = text[tokens[k].Start..tokens[k].End];
            if (Contains(PassiveAuxiliaries, w)) return Bearer.Subject;
            if (Contains(ClauseBreaks, w)) break;
        }
        return Bearer.Object;
    }

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (var w in words) if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static Entity? EntityBefore(SpeakerResolver speakers, List<WordToken> tokens, int index, int sentenceStart, bool person)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            // The subject is in the status word's own clause: "Oleh said, but the soldier died" is not Oleh's death.
            if (tokens[k].IsWord && Contains(ClauseBreaks, speakers.Text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start))) break;
            var e = speakers.EntityAt(tokens[k].Start, tokens[k].End);
            if (e is null) continue;
            if (person && e.Type != EntityType.Person) continue;
            return e;
        }
        _ = sentenceStart;
        return null;
    }

    private static Entity? EntityAfter(SpeakerResolver speakers, List<WordToken> tokens, int index)
    {
        for (var k = index; k < tokens.Count && k - index < 8; k++)
        {
            var e = speakers.EntityAt(tokens[k].Start, tokens[k].End);
            if (e is not null) return e;
        }
        return null;
    }

    private static bool Negated(string text, List<WordToken> tokens, int index)
    {
        for (var k = index - 1; k >= 0 && index - k <= 3; k--)
        {
            var w = text[tokens[k].Start..tokens[k].End];
            if (w is "not" or "never" or "n't" || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool PrecededByNumber(string text, List<WordToken> tokens, int index) =>
        index > 0 && tokens[index - 1].IsWord && char.IsDigit(text[tokens[index - 1].Start]);

    private static bool IsAuxiliary(string text, WordToken token)
    {
        var w = text[token.Start..token.End];
        foreach (var a in Auxiliaries) if (string.Equals(a, w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsClauseWord(string text, WordToken token) =>
        text[token.Start..token.End].ToLowerInvariant() is "that" or "and" or "but" or "or" or "there" or "which" or "who" or "when" or "where" or "as" or "if" or "is" or "was";

    /// <summary>
    /// Each whole-word occurrence of a lexicon word in the sentence that no earlier word took, as its token index and
    /// the word's value; a word that overlaps a taken one is skipped so "shot down" is not also "shot". Entries are
    /// tried in lexicon order (longest first), each entry's occurrences left to right and not overlapping each other.
    /// </summary>
    private static IEnumerable<(int Index, string Word, string Value)> Occurrences(IReadOnlyList<(string Word, string Value)> lexicon, List<ClaimWordMatch> found, List<WordToken> tokens, List<(int Start, int End)> taken)
    {
        // The scan lists occurrences by position; the lexicon's order decides which of two overlapping words wins.
        found.Sort(static (a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : a.Start.CompareTo(b.Start));
        var lastEntry = -1;
        var lastEnd = 0;
        foreach (var m in found)
        {
            var start = m.Start;
            var end = start + m.Length;
            if (m.Index == lastEntry && start < lastEnd) continue;
            (lastEntry, lastEnd) = (m.Index, end);
            if (Overlaps(taken, start, end)) continue;
            taken.Add((start, end));
            var index = TokenAt(tokens, start);
            if (index >= 0) yield return (index, lexicon[m.Index].Word, lexicon[m.Index].Value);
        }
    }

    private static int TokenAt(List<WordToken> tokens, int start)
    {
        for (var k = 0; k < tokens.Count; k++) if (tokens[k].Start == start) return k;
        return -1;
    }

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (s, e) in spans) if (s < end && e > start) return true;
        return false;
    }
}
