using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>A claim draft with what matching compares, computed once: its document's independence group, word sets, canonical status and time.</summary>
internal sealed class DraftFeatures
{
    public DraftFeatures(ClaimDraft draft, string documentId, string group, DateRange? time, string[]? contextWords = null, string[]? fates = null)
    {
        ContextWords = contextWords ?? [];
        Fates = fates ?? [];
        Draft = draft;
        DocumentId = documentId;
        Group = group;
        Time = time;
        Measure = draft.Measure?.Trim().ToLowerInvariant();
        Status = CanonicalStatus(draft.Status);
        SubjectWords = ContentWords.SubjectOf(draft.Subject, draft.Subject);
        SubjectNames = draft.Subject is null || ContentWords.IsEntityId(draft.Subject) ? [] : ContentWords.Anchors(draft.Subject);
        KeyWords = ContentWords.Of(draft.Keys);
        TextWords = ContentWords.Of(draft.Text);
        Anchors = ContentWords.Anchors(draft.Text);
        SpeakerWords = ContentWords.Of(draft.Mention.Attribution?.Speaker);
    }

    public ClaimDraft Draft { get; }

    public string DocumentId { get; }

    public string Group { get; }

    /// <summary>The time, re-resolved against an inferred publication date when the draft's own was relative.</summary>
    public DateRange? Time { get; }

    public string? Measure { get; }

    public string? Status { get; }

    public string[] SubjectWords { get; }

    /// <summary>The subject's anchors (names, numbers, rare words): what tells "the Lake region" from "the Hill region".</summary>
    public string[] SubjectNames { get; }

    /// <summary>
    /// True when the subject names nothing ("some soldiers") and its story has named subjects containing its words that
    /// name different things ("Freedonian soldiers", "Sylvanian soldiers"): which of them it means, its words do not
    /// say, so it is the same subject only as words equal to its own. Set by the story's matching
    /// (<see cref="MarkAmbiguousSubjects"/>).
    /// </summary>
    public bool SubjectAmbiguous { get; private set; }

    /// <summary>Most named subjects containing a word that are read to decide whether a nameless subject is ambiguous: a bound on the work, not a judgment.</summary>
    private const int NamedSubjectsRead = 64;

    /// <summary>
    /// Marks the nameless subjects of one story's drafts that its named subjects make ambiguous (<see cref="SubjectAmbiguous"/>).
    /// Reads only these drafts, so a story's judgment depends on its own evidence; linear in the drafts (each nameless
    /// subject reads at most <see cref="NamedSubjectsRead"/> named subjects sharing its rarest word).
    /// </summary>
    public static void MarkAmbiguousSubjects(IReadOnlyList<DraftFeatures> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        // Distinct named subjects (words and names), in first-seen order, listed under each of their words.
        var named = new Dictionary<string, (string[] Words, string[] Names)>(StringComparer.Ordinal);
        var byWord = new Dictionary<string, List<(string[] Words, string[] Names)>>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            var names = d.NamesForAmbiguity();
            if (names.Length == 0 || d.SubjectWords.Length == 0) continue;
            var key = string.Join(' ', d.SubjectWords);
            if (!named.TryAdd(key, (d.SubjectWords, names))) continue;
            foreach (var word in d.SubjectWords)
            {
                if (!byWord.TryGetValue(word, out var list)) byWord[word] = list = [];
                if (list.Count < NamedSubjectsRead) list.Add((d.SubjectWords, names));
            }
        }
        if (named.Count < 2) return;
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            if (d.Draft.Kind != ClaimKind.Status || d.SubjectWords.Length == 0 || d.NamesForAmbiguity().Length > 0) continue;
            var key = string.Join(' ', d.SubjectWords);
            if (!verdicts.TryGetValue(key, out var ambiguous)) verdicts[key] = ambiguous = Ambiguous(d.SubjectWords, byWord);
            d.SubjectAmbiguous = ambiguous;
        }
    }

    /// <summary>True when two named subjects containing <paramref name="words"/> each name something the other does not.</summary>
    private static bool Ambiguous(string[] words, Dictionary<string, List<(string[] Words, string[] Names)>> byWord)
    {
        List<(string[] Words, string[] Names)>? fewest = null;
        foreach (var word in words)
        {
            if (!byWord.TryGetValue(word, out var list)) return false;
            if (fewest is null || list.Count < fewest.Count) fewest = list;
        }
        string[]? first = null;
        foreach (var (subjectWords, names) in fewest!)
        {
            if (ContentWords.Shared(words, subjectWords) < words.Length) continue;
            if (first is null) first = names;
            else if (NamesDiffer(first, names)) return true;
        }
        return false;
    }

    /// <summary>What names the subject for <see cref="MarkAmbiguousSubjects"/>: its capitalised content words ("Freedonian", "Lake"), or its entity id.</summary>
    private string[] NamesForAmbiguity() => _subjectCapitals ??= SubjectCapitals(Draft.Subject);

    private string[]? _subjectCapitals;

    private static string[] SubjectCapitals(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return [];
        if (ContentWords.IsEntityId(subject)) return [subject];
        // A subject is a phrase, not a sentence: its first word's capital says as much as any other's.
        return ContentWords.Of(subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])));
    }

    public string[] KeyWords { get; }

    public string[] TextWords { get; }

    public string[] Anchors { get; }

    public string[] SpeakerWords { get; }

    /// <summary>For figures: the content words of the sentence around the figure, less the figure's own (what it is a figure of, when no subject says).</summary>
    public string[] ContextWords { get; }

    /// <summary>What the claim is said in, as <see cref="ClaimFrames"/> compares it (its sentence less a dateline and a figure's own words; a statement's own words).</summary>
    public Frame Frame { get; init; } = Frame.Empty;

    /// <summary>For figures: said as an average ("has averaged 30 goals", <see cref="Figures.AsAverage"/>).</summary>
    public bool Average { get; init; }

    /// <summary>For figures: said of each member of a group ("100 yards each", <see cref="Figures.Distributive"/>).</summary>
    public bool Each { get; init; }

    /// <summary>For distances: the place measured from, lower-cased ("67 km north-east of Pumsostad"; <see cref="Figures.ReferencePlace"/>).</summary>
    public string? Reference { get; init; }

    /// <summary>For figures: hedged as an approximation ("around $160 million", "about 300"; <see cref="Figures.Written"/> recovers the number).</summary>
    public bool Approximate { get; init; }

    /// <summary>
    /// For statuses and statements: the days the time their own words give dates the event to (<see cref="EventTimes.Of"/>),
    /// resolved on the document's publication (stated or inferred); null when none is given or it cannot be dated.
    /// </summary>
    public DateRange? EventTime { get; init; }

    /// <summary>For statuses and statements: the rule of that time when it is written relative to publication ("weekday:5:0", "month-of-year:1:-1"), else null (<see cref="EventTimes.Compatible"/>).</summary>
    public string? EventRule { get; init; }

    /// <summary>
    /// The days the mention's document names near its publication, ascending (<see cref="DocumentDays.Named"/>): when a
    /// claim's own words give no time, when its document says its event happened.
    /// </summary>
    public int[] DocumentDays { get; init; } = [];

    /// <summary>The line holding the mention when it may be a headline (<see cref="TeaserLines.Line"/>), else null.</summary>
    public (string Whole, string? AfterLabel)? Line { get; init; }

    /// <summary>
    /// True when the mention is said only in a line naming another document's headline (<see cref="TeaserLines"/>): that
    /// article's claim, repeated, which matches nothing. Set by the story's matching.
    /// </summary>
    public bool Teaser { get; set; }

    /// <summary>The words of the mention's document (<see cref="ClaimFrames.OtherOfOneKind"/>: whether it names another mention's participant anywhere).</summary>
    public DocumentWords DocumentWords { get; init; } = DocumentWords.Empty;

    /// <summary>
    /// For counts: the fates their sentence gives the counted things ("killed", "wounded", "captured", "destroyed"),
    /// canonical and ascending; empty when it gives them none (<see cref="FatesIn"/>).
    /// </summary>
    public string[] Fates { get; }

    /// <summary>
    /// The fates (statuses of an exclusive group: killed, wounded, captured, destroyed…) that a sentence gives the
    /// things a figure counts, canonical and ascending. "500 soldiers" killed in an attack and "500 soldiers" sent to
    /// an assault are counts of different things, as a casualty toll differs from a force's size. A fate word counts
    /// only where it is said of the figure: in the figure's own words ("453 people injured"), within three words after it ("300 villagers died", "were killed"), within
    /// three words before it ("killing at least 300"), or before "along with" / "together with" that leads to it in its
    /// clause ("the general was killed along with 18 officers"); never across a comma, colon or semicolon, nor across
    /// "and" or "or" in the windows ("killing five people and injuring 12": five killed, 12 injured). A fate
    /// elsewhere in the sentence is usually someone else's ("sentenced for the attack that left four people dead").
    /// </summary>
    /// <param name="text">The document's text.</param>
    /// <param name="span">The figure's span in <paramref name="text"/>; empty fates when it lies outside.</param>
    public static string[] FatesIn(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End > text.Length || span.Start > span.End) return [];
        var (figureStart, figureEnd) = (span.Start, span.End);
        var (from, to) = FigureTimes.SentenceAround(text, figureStart, figureEnd);
        var tokens = FateTokens(text, from, to);
        var after = 0;
        while (after < tokens.Count && tokens[after].Start < figureEnd) after++;
        var before = after - 1;
        while (before >= 0 && tokens[before].End > figureStart) before--;
        SortedSet<string>? fates = null;
        void Add(int k)
        {
            if (FateAt(text, tokens, k) is { } fate) (fates ??= new SortedSet<string>(StringComparer.Ordinal)).Add(fate);
        }
        for (var k = before + 1; k < after && !IsConjunction(text, tokens[k]); k++) Add(k);
        for (var k = after; k < tokens.Count && k < after + FateWindow && !tokens[k].Boundary && !IsConjunction(text, tokens[k]); k++) Add(k);
        var clause = before;
        while (clause >= 0 && !tokens[clause].Boundary) clause--;
        for (var k = before; k > clause && k > before - FateWindow && !IsConjunction(text, tokens[k]); k--) Add(k);
        for (var k = before - 1; k > clause; k--)
        {
            if (!Word(text, tokens[k + 1]).Equals("with", StringComparison.OrdinalIgnoreCase)) continue;
            var lead = Word(text, tokens[k]);
            if (!lead.Equals("along", StringComparison.OrdinalIgnoreCase) && !lead.Equals("together", StringComparison.OrdinalIgnoreCase)) continue;
            for (var m = k - 1; m > clause; m--) Add(m);
            break;
        }
        return fates is null ? [] : [.. fates];
    }

    /// <summary>Words on either side of a figure in which a fate word is said of it.</summary>
    private const int FateWindow = 3;

    /// <summary>
    /// Fate words, lower case → canonical status: the status lexicon's words whose status belongs to an exclusive
    /// group, and the "-ing" forms of its "-ed" words ("killing", "injuring"), which news writes before the count.
    /// </summary>
    private static readonly Lazy<Dictionary<string, string>> FateWords = new(() =>
    {
        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, value) in Extract.ExtractLexicon.StatusWords)
        {
            if (CanonicalStatus(value) is not { } status || StatusGroup(status) is null) continue;
            words.TryAdd(word, status);
            if (word.EndsWith("ed", StringComparison.Ordinal) && !word.Contains(' ', StringComparison.Ordinal)) words.TryAdd(word[..^2] + "ing", status);
        }
        return words;
    });

    /// <summary>The fate the word at <paramref name="k"/> states, alone or with the next word ("taken prisoner"), or null.</summary>
    private static string? FateAt(string text, List<(int Start, int End, bool Boundary)> tokens, int k)
    {
        if (tokens[k].Boundary) return null;
        var words = FateWords.Value;
        var word = Word(text, tokens[k]);
        if (k + 1 < tokens.Count && !tokens[k + 1].Boundary && words.TryGetValue(string.Concat(word, " ", Word(text, tokens[k + 1])), out var pair)) return pair;
        return words.TryGetValue(word, out var fate) ? fate : null;
    }

    private static string Word(string text, (int Start, int End, bool Boundary) token) => text[token.Start..token.End];

    private static bool IsConjunction(string text, (int Start, int End, bool Boundary) token)
    {
        var word = text.AsSpan(token.Start, token.End - token.Start);
        return word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The words of [<paramref name="from"/>, <paramref name="to"/>) and the clause marks between them (comma, colon, semicolon, brackets, dashes).</summary>
    private static List<(int Start, int End, bool Boundary)> FateTokens(string text, int from, int to)
    {
        var tokens = new List<(int, int, bool)>();
        for (var i = from; i < to;)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < to && (char.IsLetterOrDigit(text[i]) || ((text[i] is '\'' or '’' or '-') && i + 1 < to && char.IsLetterOrDigit(text[i + 1])))) i++;
                tokens.Add((start, i, false));
                continue;
            }
            if (c is ',' or ';' or ':' or '(' or ')' or '—' or '–') tokens.Add((i, i + 1, true));
            i++;
        }
        return tokens;
    }

    /// <summary>True for a figure that counts things (people, buildings, vehicles): the figures a fate is said of.</summary>
    public static bool IsCount(ClaimKind kind, string? measure) =>
        kind == ClaimKind.Quantity && string.Equals(measure, "count", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status through the status lexicon's aliases ("dead" → "killed"), lower case.</summary>
    public static string? CanonicalStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return null;
        var key = status.Trim().ToLowerInvariant();
        return ReconcileData.Statuses.TryGetValue(key, out var known) ? known.Status : key;
    }

    /// <summary>The exclusive group of a canonical status ("fate", "custody"), or null when it excludes nothing.</summary>
    public static string? StatusGroup(string? status) =>
        status is not null && ReconcileData.Statuses.TryGetValue(status, out var known) && known.Group != "-" ? known.Group : null;

    /// <summary>
    /// True when the two are about the same subject: one subject contains the other ("the general" in "the French
    /// general") or they share most words. Sharing only a head noun is not enough: "Malian soldiers" and "Chilean
    /// soldiers" are different subjects.
    /// </summary>
    public bool SameSubject(DraftFeatures other)
    {
        if (SubjectWords.Length > 0 && other.SubjectWords.Length > 0)
        {
            if (SubjectAmbiguous || other.SubjectAmbiguous) return SubjectWords.AsSpan().SequenceEqual(other.SubjectWords);
            return ContentWords.Containment(SubjectWords, other.SubjectWords) >= 1
                || (ContentWords.Jaccard(SubjectWords, other.SubjectWords) >= 0.5 && !NamesDiffer(SubjectNames, other.SubjectNames));
        }
        if (KeyWords.Length > 0 && other.KeyWords.Length > 0)
            return ContentWords.Jaccard(KeyWords, other.KeyWords) >= 0.5;
        return ContentWords.Jaccard(TextWords, other.TextWords) >= 0.5;
    }

    /// <summary>
    /// True when each subject names something the other does not: "a quake in the Lake region" and "a quake in the
    /// Hill region" share most words, but the words they do not share are the names that say which.
    /// </summary>
    private static bool NamesDiffer(string[] a, string[] b)
    {
        var shared = ContentWords.Shared(a, b);
        return shared < a.Length && shared < b.Length;
    }

    /// <summary>True when both times are known and overlap, or either is unknown.</summary>
    public static bool TimesCompatible(DateRange? a, DateRange? b) =>
        Bounds(a) is not { } x || Bounds(b) is not { } y || (x.Start <= y.End && y.Start <= x.End);

    /// <summary>The days a time allows, or null when it states no date. A range with only an end ("before 25 November": a figure at its peak) is open toward the past.</summary>
    public static (DateOnly Start, DateOnly End)? Bounds(DateRange? range)
    {
        if (range is null || (range.Start is null && range.End is null)) return null;
        var start = range.Start is { } s ? s.Earliest : DateOnly.MinValue;
        var end = (range.End ?? range.Start)!.Value.Latest;
        return (start, end);
    }
}
