using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Infers when documents that state no publication date were published, as an interval with the spans it rests on.
/// Evidence, each a bound: counts to or from a dated event ("nine days to go before the inauguration": the calendar
/// gives the event's date; "almost four months after … in August"); past events the text reports with a date ("wrote
/// on 26 November", "towards the end of November": published on or after); and derivations (a copy is published
/// after its source). The bounds are intersected; a best day is given when a count to the day pins it. Nothing is said
/// without both a lower and an upper bound, or when the bounds disagree. A story stage: it reads one story's members
/// and their derivations, and the reference year for year-less dates comes from the story's own dated members (never
/// from the rest of the store, where one unrelated old article once moved a whole story by years). Runs before claim
/// matching, which re-resolves relative times against the result.
/// </summary>
public sealed partial class DatingStage : ICorpusStage
{
    /// <summary>An interval wider than this many days is too weak to state: nothing is said instead.</summary>
    public const int MaxWidthDays = 92;

    /// <summary>News is published soon after the latest event it reports: an interval is cut to this many days after the latest reported date (when that leaves it non-empty).</summary>
    public const int RecencyDays = 14;

    private readonly IReadOnlyList<string> _calendarFiles;
    private EventCalendar? _calendar;

    /// <summary>Creates the stage with the built-in calendar and the extra calendar files (read when the stage first runs).</summary>
    public DatingStage(IReadOnlyList<string>? calendarFiles = null) => _calendarFiles = calendarFiles ?? [];

    private static readonly Lazy<FrozenDictionary<string, int>> Numbers = new(() =>
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ReconcileData.Lines("dating-numbers.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length == 2 && int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) map[cells[0].Trim()] = n;
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    private static readonly Lazy<FrozenSet<string>> PastVerbs = new(() => ReconcileData.Lines("dating-past-verbs.txt").Select(l => l.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal));

    /// <inheritdoc />
    public string Name => "dating";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _calendar ??= EventCalendar.Load(_calendarFiles);
        var known = new Dictionary<string, DateEstimate>(StringComparer.Ordinal);
        var undated = new List<string>();
        var knownDays = new List<int>();
        var latestYear = 0;
        // Each document's derivations, by either end: looked up per document, never scanned per document.
        var relationsOf = new Dictionary<string, List<Relation>>(StringComparer.Ordinal);
        foreach (var relation in context.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            foreach (var end in (ReadOnlySpan<string>)[relation.From, relation.To])
            {
                if (!relationsOf.TryGetValue(end, out var list)) relationsOf[end] = list = [];
                list.Add(relation);
            }
        }
        foreach (var (document, _) in context.Corpus.ReadAnalyses())
        {
            if (YearReference(document) is { } year && year.Year > latestYear) latestYear = year.Year;
            if (document.Published is { } published)
            {
                known[document.Id] = published;
                knownDays.Add(EventCalendarMiddle(published));
            }
            else undated.Add(document.Id);
        }
        // Passes: documents with strong anchors (countdowns to calendar events) are dated first; their dates then
        // serve as the reference for year-less dates in the others, and as bounds along derivations. With no dated
        // document at all, the last day of the latest year any document states is the first reference: news states
        // past years far more often than future ones.
        DateOnly? fallback = latestYear > 0 ? new DateOnly(latestYear, 12, 31) : null;
        for (var pass = 0; pass < 3 && undated.Count > 0; pass++)
        {
            knownDays.Sort();
            DateOnly? corpusReference = knownDays.Count > 0 ? DateOnly.FromDayNumber(knownDays[knownDays.Count / 2]) : fallback;
            var dated = new List<string>();
            foreach (var id in undated)
            {
                var document = context.Corpus.FindDocument(id);
                if (document is null) continue;
                if (Infer(document, relationsOf.GetValueOrDefault(id) ?? [], known, corpusReference) is not { } estimate) continue;
                // Against the guessed first reference only a pinned day (a countdown to a calendar event) is trusted;
                // loose intervals wait for a reference made of dated documents.
                if (fallback is not null && estimate.Date is null) continue;
                context.InferredPublished[id] = estimate;
                dated.Add(id);
            }
            if (dated.Count == 0 && fallback is null) break;
            foreach (var id in dated)
            {
                known[id] = context.InferredPublished[id];
                knownDays.Add(EventCalendarMiddle(context.InferredPublished[id]));
            }
            undated.RemoveAll(dated.Contains);
            fallback = null;
        }
    }

    private static int EventCalendarMiddle(DateEstimate estimate) => (estimate.Earliest.Earliest.DayNumber + estimate.Latest.Latest.DayNumber) / 2;

    /// <summary>The estimate for one document, or null when the evidence is weak or inconsistent.</summary>
    internal DateEstimate? Infer(Document document, IReadOnlyList<Relation> relations, IReadOnlyDictionary<string, DateEstimate> known, DateOnly? corpusReference)
    {
        var calendar = _calendar ??= EventCalendar.Load(_calendarFiles);
        var evidence = new Evidence();
        // The document's own latest stated year bounds its publication from below; a corpus reference on or after
        // that floor is the better guess for year-less dates ("in August", "26 November").
        var own = YearReference(document);
        var reference = own is { } o && (corpusReference is not { } c || c < new DateOnly(o.Year, 1, 1)) ? own : corpusReference;
        foreach (var block in document.Blocks)
        {
            if (block.Kind is not (BlockKind.Body or BlockKind.Title or BlockKind.Dateline)) continue;
            Countdowns(document, block, calendar, reference, evidence);
            ReportedDates(document, block, reference, evidence);
            EventMentions(document, block, calendar, reference, evidence);
            Offices(document, block, reference, evidence);
        }
        foreach (var relation in relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            // A derived document comes after its source; a source before what derives from it.
            if (relation.From == document.Id && known.TryGetValue(relation.To, out var source))
                evidence.Lower(source.Earliest.Earliest, null);
            else if (relation.To == document.Id && known.TryGetValue(relation.From, out var derived))
                evidence.Upper(derived.Latest.Latest, null);
        }
        return evidence.Estimate();
    }

    /// <summary>The latest year the document states (a four-digit year 1900–2099), as 1 July of it: the reference for year-less dates.</summary>
    private static DateOnly? YearReference(Document document)
    {
        var best = 0;
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Body) continue;
            foreach (var m in YearRegex().EnumerateMatches(document.Text.AsSpan(block.Start, block.End - block.Start)))
            {
                var year = int.Parse(document.Text.AsSpan(block.Start + m.Index, m.Length), NumberStyles.None, CultureInfo.InvariantCulture);
                if (year > best) best = year;
            }
        }
        return best > 0 ? new DateOnly(best, 7, 1) : null;
    }

    /// <summary>"(almost) N days/weeks/months (to go) until/before/after EVENT" with the event from the calendar, or "after … in MONTH".</summary>
    private static void Countdowns(Document document, Block block, EventCalendar calendar, DateOnly? reference, Evidence evidence)
    {
        for (var m = CountdownRegex().Match(document.Text, block.Start, block.End - block.Start); m.Success; m = m.NextMatch())
        {
            if (!Numbers.Value.TryGetValue(m.Groups["n"].Value, out var n) && !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out n)) continue;
            if (n is <= 0 or > 400) continue;
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            var after = m.Groups["dir"].Value.Equals("after", StringComparison.OrdinalIgnoreCase);
            var hedge = m.Groups["hedge"].Value.ToLowerInvariant();
            var phrase = m.Groups["event"].Value;
            var span = new TextSpan(document.Id, m.Index, m.Index + m.Length).WithExcerpt(document.Text);
            DateOnly anchorStart, anchorEnd;
            var events = calendar.Find(phrase);
            if (events.Count > 0)
            {
                var chosen = Nearest(events, reference);
                if (chosen is null) continue;
                anchorStart = anchorEnd = chosen.Value;
            }
            else if (MonthRegex().Match(phrase) is { Success: true } month && after)
            {
                var monthNumber = MonthNumber(month.Groups["m"].Value);
                int year;
                if (month.Groups["y"].Success) year = int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture);
                else if (reference is { } r) year = r.Year;
                else continue;
                anchorStart = new DateOnly(year, monthNumber, 1);
                anchorEnd = anchorStart.AddMonths(1).AddDays(-1);
                // An event in a month counted forward from a year-less reference can belong to the year before.
                if (!month.Groups["y"].Success && reference is { } rr && anchorStart > rr.AddMonths(2)) { anchorStart = anchorStart.AddYears(-1); anchorEnd = anchorStart.AddMonths(1).AddDays(-1); }
            }
            else continue;
            var sign = after ? 1 : -1;
            var earliest = Shift(anchorStart, unit, sign * n);
            var latest = Shift(anchorEnd, unit, sign * n);
            // Hedges widen the count toward what they allow: "almost N" is a little less than N, "more than N" more.
            var slack = unit.StartsWith("day", StringComparison.Ordinal) ? 0 : unit.StartsWith("week", StringComparison.Ordinal) ? 3 : 15;
            var exact = hedge.Contains("exactly", StringComparison.Ordinal);
            if (exact) slack = 0;
            var lessBy = hedge is "almost" or "nearly" or "just under" ? Math.Max(slack, unit.StartsWith("month", StringComparison.Ordinal) ? 21 : unit.StartsWith("week", StringComparison.Ordinal) ? 4 : 1) : 0;
            var moreBy = hedge is "more than" or "over" ? Math.Max(slack, unit.StartsWith("month", StringComparison.Ordinal) ? 21 : 4) : 0;
            var e = earliest.AddDays(-slack);
            var l = latest.AddDays(slack);
            if (lessBy > 0) { if (after) { e = earliest.AddDays(-lessBy); l = latest; } else { e = earliest; l = latest.AddDays(lessBy); } }
            if (moreBy > 0) { if (after) { e = earliest; l = latest.AddDays(moreBy); } else { e = earliest.AddDays(-moreBy); l = latest; } }
            evidence.Lower(e, span);
            evidence.Upper(l, span);
            if (e == l) evidence.Best(e);
        }
    }

    /// <summary>
    /// Calendar events named after a trigger word without a count: "resumed following talks in Geneva", "since the
    /// election", "in the wake of the summit" put publication on or after the event (unless the sentence speaks of the
    /// future), and a past verb before it marks the event as recently reported; "ahead of", "in the run-up to",
    /// "before", "on the eve of" in a sentence in the present or future put publication before the event.
    /// </summary>
    private static void EventMentions(Document document, Block block, EventCalendar calendar, DateOnly? reference, Evidence evidence)
    {
        for (var m = EventTriggerRegex().Match(document.Text, block.Start, block.End - block.Start); m.Success; m = m.NextMatch())
        {
            // "nine days before X" is a countdown, read by Countdowns.
            var back = Math.Max(block.Start, m.Index - 30);
            if (CountBeforeRegex().IsMatch(document.Text.AsSpan(back, m.Index - back))) continue;
            var events = calendar.Find(m.Groups["event"].Value);
            if (events.Count == 0 || Nearest(events, reference) is not { } date) continue;
            var trigger = m.Groups["trig"].Value.ToLowerInvariant();
            var prefix = SentencePrefix(document.Text, m.Index);
            var span = new TextSpan(document.Id, m.Index, m.Index + m.Length).WithExcerpt(document.Text);
            if (trigger is "following" or "after" or "since" || trigger.StartsWith("in the wake", StringComparison.Ordinal))
            {
                if (FutureRegex().IsMatch(prefix)) continue;
                evidence.Lower(date, span);
                // "resumed after the talks": the writer reports something that followed the event, so the event is recent.
                if (trigger != "since" && Tense.HasPastVerb(prefix)) evidence.Reported(date);
            }
            else if ((FutureRegex().IsMatch(prefix) || PresentRegex().IsMatch(prefix)) && !PastAuxiliaryRegex().IsMatch(prefix))
                evidence.Upper(date, span);
        }
    }

    /// <summary>
    /// Officeholders: "President-elect X" puts publication between the election and the start of X's term; an
    /// administration or government of X spoken of in the present ("the administration under X is urging") within X's
    /// term. Terms come from <c>officeholders.tsv</c>; the term nearest the reference is taken.
    /// </summary>
    private static void Offices(Document document, Block block, DateOnly? reference, Evidence evidence)
    {
        var terms = OfficeTerms.Instance;
        for (var m = ElectRegex().Match(document.Text, block.Start, block.End - block.Start); m.Success; m = m.NextMatch())
        {
            var candidates = terms.Of(Surname(m.Groups["names"].Value));
            var elected = new List<OfficeTerms.Term>();
            foreach (var t in candidates) if (t.Election is not null) elected.Add(t);
            if (OfficeTerms.Nearest(elected, reference) is not { Election: { } election } term) continue;
            var span = new TextSpan(document.Id, m.Index, m.Index + m.Length).WithExcerpt(document.Text);
            evidence.Lower(election, span);
            evidence.Upper(term.Start, span);
        }
        for (var m = AdministrationRegex().Match(document.Text, block.Start, block.End - block.Start); m.Success; m = m.NextMatch())
        {
            if (OfficeTerms.Nearest(terms.Of(m.Groups["name"].Value), reference) is not { } term) continue;
            var span = new TextSpan(document.Id, m.Index, m.Index + m.Length).WithExcerpt(document.Text);
            evidence.Lower(term.Start, span);
            if (term.End is { } end) evidence.Upper(end, span);
        }
    }

    /// <summary>The last word of a name, without a possessive ("Jane Doe’s" → "Doe").</summary>
    private static string Surname(string names)
    {
        var last = names.Trim();
        var space = last.LastIndexOf(' ');
        if (space >= 0) last = last[(space + 1)..];
        if (last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("’s", StringComparison.Ordinal)) last = last[..^2];
        return last;
    }

    /// <summary>The sentence from its start up to <paramref name="index"/> (at most 300 characters back); the period of an initial ("U.S.") ends no sentence.</summary>
    private static string SentencePrefix(string text, int index)
    {
        var floor = Math.Max(0, index - 300);
        var start = index;
        while (start > floor)
        {
            var c = text[start - 1];
            if (c is '!' or '?' or '\n') break;
            if (c == '.' && !(start >= 2 && char.IsUpper(text[start - 2]) && (start < 3 || !char.IsLetter(text[start - 3])))) break;
            start--;
        }
        return text[start..index];
    }

    /// <summary>Dates the writer reports as past ("wrote on 26 November", "was hit on Monday, 4 March", "towards the end of November"): published on or after.</summary>
    private static void ReportedDates(Document document, Block block, DateOnly? reference, Evidence evidence)
    {
        for (var m = ReportedRegex().Match(document.Text, block.Start, block.End - block.Start); m.Success; m = m.NextMatch())
        {
            var verb = m.Groups["verb"].Value.ToLowerInvariant();
            var endOf = m.Groups["endof"].Success;
            if (!endOf && !(verb.EndsWith("ed", StringComparison.Ordinal) || PastVerbs.Value.Contains(verb))) continue;
            if (endOf && FutureBefore(document.Text, m.Index)) continue;
            var month = MonthNumber(m.Groups["m"].Value);
            int year;
            if (m.Groups["y"].Success) year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            else if (reference is { } r) year = r.Year;
            else continue;
            int day;
            if (m.Groups["d"].Success) day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            else if (endOf) day = 20;
            else continue;
            if (day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            var date = new DateOnly(year, month, day);
            // A year-less date the text reports as past is the last such day on or before the reference, not after it.
            if (!m.Groups["y"].Success && reference is { } rr && date > rr.AddDays(RecencyDays) && date.Year > 1) date = date.AddYears(-1);
            var span = new TextSpan(document.Id, m.Index, m.Index + m.Length).WithExcerpt(document.Text);
            evidence.Lower(date, span);
            evidence.Reported(date);
        }
    }

    private static bool FutureBefore(string text, int index)
    {
        // From the start of the sentence: "were to hold on until a new president … arrives at the end of January" is
        // future however many words stand between "until" and the date.
        var start = Math.Max(0, index - 300);
        var sentence = text.AsSpan(start, index - start).LastIndexOfAny(".!?\n");
        if (sentence >= 0) start += sentence + 1;
        // Words inside a quote before the date belong to the speaker, not to the frame that dates it.
        var quote = text.AsSpan(start, index - start).LastIndexOfAny("”»");
        if (quote >= 0) start += quote + 1;
        var before = text.AsSpan(start, index - start);
        return FutureRegex().IsMatch(before);
    }

    /// <summary>The candidate event nearest the reference; with no reference, the only candidate or none.</summary>
    private static DateOnly? Nearest(List<(DateOnly Date, string Name)> events, DateOnly? reference)
    {
        if (reference is not { } r) return events.Count == 1 ? events[0].Date : null;
        DateOnly? best = null;
        foreach (var (date, _) in events)
            if (best is null || Math.Abs(date.DayNumber - r.DayNumber) < Math.Abs(best.Value.DayNumber - r.DayNumber)) best = date;
        // A reference that is only a year (1 July) can sit between two events a year apart: take none then.
        return best is { } b && Math.Abs(b.DayNumber - r.DayNumber) <= 400 ? best : null;
    }

    private static DateOnly Shift(DateOnly date, string unit, int n) =>
        unit.StartsWith("day", StringComparison.Ordinal) ? date.AddDays(n)
        : unit.StartsWith("week", StringComparison.Ordinal) ? date.AddDays(7 * n)
        : unit.StartsWith("month", StringComparison.Ordinal) ? date.AddMonths(n)
        : date.AddYears(n);

    private static int MonthNumber(string name)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
            if (names[i].StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(names[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        return 1;
    }

    private const string Month = "(?<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?:(?<hedge>exactly|just under|almost|nearly|more than|over|just|only|some|about)\s+)?\b(?<n>\d{1,3}|[A-Za-z]+)\s+(?<unit>days?|weeks?|months?|years?)\s+(?:to\s+go\s+|left\s+|remaining\s+)?(?<dir>until|till|before|to|after)\b(?<event>[^.;!?]{0,160})", RegexOptions.IgnoreCase)]
    private static partial Regex CountdownRegex();

    [GeneratedRegex(@"\bin\s+" + Month + @"(?:\s+(?<y>(?:19|20)\d\d))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"(?:\b(?<verb>[A-Za-z]+)\s+(?:on|since)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+" + Month + "|" + Month + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?<y>(?:19|20)\d\d))?\b)|(?<endof>\b(?:(?:towards?|at|by)\s+the\s+end\s+of|in\s+late)\s+" + Month + @"(?:\s+(?<y>(?:19|20)\d\d))?\b)")]
    private static partial Regex ReportedRegex();

    [GeneratedRegex(@"\b(?<trig>following|after|since|in\s+the\s+wake\s+of|ahead\s+of|in\s+the\s+run-?\s?up\s+to|before|on\s+the\s+eve\s+of)\s+(?<event>[^.;!?]{1,80})", RegexOptions.IgnoreCase)]
    private static partial Regex EventTriggerRegex();

    [GeneratedRegex(@"(?:days?|weeks?|months?|years?)\s+(?:to\s+go\s+|left\s+|remaining\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CountBeforeRegex();

    [GeneratedRegex(@"\b(?:is|are|am|wants?|plans?|aims?|seeks?|hopes?|prepares?|braces?|races?|rushes|expects?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentRegex();

    [GeneratedRegex(@"\b(?:was|were|had|did)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastAuxiliaryRegex();

    [GeneratedRegex(@"\b(?:President|Prime\s+Minister|Chancellor|Premier)-elect\s+(?<names>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})")]
    private static partial Regex ElectRegex();

    [GeneratedRegex(@"(?:\b(?<name>\p{Lu}[\p{L}-]+)(?:['’]s)?\s+(?:administration|government|presidency|cabinet)|\b(?:administration|government|presidency|cabinet)\s+(?:of|under)\s+(?:(?:President|Prime\s+Minister|Chancellor)\s+)?(?:\p{Lu}[\p{L}-]+\s+)?(?<name>\p{Lu}[\p{L}-]+))\s+(?:is|are|has|have|remains|continues|wants|plans|says|seeks)\b")]
    private static partial Regex AdministrationRegex();

    [GeneratedRegex(@"\b(?:will|would|expected|planned|scheduled|due|until|before|hopes?|anticipat\w*|awaiting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureRegex();

    /// <summary>Bounds gathered for one document, intersected.</summary>
    private sealed class Evidence
    {
        private DateOnly? _earliest, _latest, _best, _reported;
        private readonly List<TextSpan> _spans = [];

        public void Lower(DateOnly date, TextSpan? span)
        {
            if (_earliest is null || date > _earliest) _earliest = date;
            if (span is not null) _spans.Add(span);
        }

        public void Upper(DateOnly date, TextSpan? span)
        {
            if (_latest is null || date < _latest) _latest = date;
            if (span is not null) _spans.Add(span);
        }

        public void Best(DateOnly date) => _best = date;

        public void Reported(DateOnly date)
        {
            if (_reported is null || date > _reported) _reported = date;
        }

        public DateEstimate? Estimate()
        {
            // With no upper bound, a past day the text reports (someone wrote or said on it) closes the interval
            // RecencyDays later: news reports what just happened. Without such a day there is no estimate.
            var open = _latest ?? (_reported is { } recent ? recent.AddDays(RecencyDays) : null);
            if (_earliest is not { } earliest || open is not { } latest || earliest > latest) return null;
            if (_reported is { } r && r.AddDays(RecencyDays) >= earliest && r.AddDays(RecencyDays) < latest) latest = r.AddDays(RecencyDays);
            if (latest.DayNumber - earliest.DayNumber > MaxWidthDays) return null;
            PartialDate? best = _best is { } b && b >= earliest && b <= latest ? PartialDate.FromDate(b)
                : latest.DayNumber - earliest.DayNumber <= 1 ? PartialDate.FromDate(earliest) : null;
            var spans = new List<TextSpan>();
            var seen = new HashSet<(int, int)>();
            foreach (var s in _spans) if (seen.Add((s.Start, s.End))) spans.Add(s);
            spans.Sort(static (x, y) => x.Start.CompareTo(y.Start));
            return new DateEstimate
            {
                Date = best,
                Earliest = PartialDate.FromDate(earliest),
                Latest = PartialDate.FromDate(latest),
                Basis = DateBasis.Inferred,
                Evidence = spans,
            };
        }
    }
}
