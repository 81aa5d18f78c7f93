using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Matches claim drafts and quote drafts across documents: mentions that state the same thing become one
/// <see cref="Claim"/> (or <see cref="Quote"/>) carrying every mention, its documents and how many independent sources
/// those are. Candidates come from a blocking index, so the work grows with the matches, not with all pairs. Relative
/// times of documents whose publication date was inferred are resolved again first.
/// </summary>
public sealed class ClaimMatchingStage : ICorpusStage
{
    /// <inheritdoc />
    public string Name => "claims";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var drafts = new List<DraftFeatures>();
        var quotes = new List<QuoteFeatures>();
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (documentDrafts, documentQuotes, title) in OrderedParallel.Map(context.Corpus.ReadAnalyses(), item => Features(item.Document, item.Analysis, context)))
        {
            drafts.AddRange(documentDrafts);
            quotes.AddRange(documentQuotes);
            if (title is { Length: > 0 }) titles.Add(title);
        }
        // A claim said only in a line naming another document's headline (a teaser, a related link) is that article's.
        foreach (var draft in drafts)
            if (draft.Line is not null) draft.Teaser = TeaserLines.NamesAnother(draft.Line, titles);
        context.Claims.AddRange(MatchClaims(drafts, context));
        context.Quotes.AddRange(MatchQuotes(quotes, context.EntityIds));
    }

    /// <summary>What matching reads of one document's claims and quotes (its times resolved on its inferred day, its subjects made corpus-wide).</summary>
    private static (List<DraftFeatures> Drafts, List<QuoteFeatures> Quotes, string? Title) Features(Document document, DocumentAnalysis analysis, CorpusContext context)
    {
        var drafts = new List<DraftFeatures>(analysis.Claims.Count);
        var quotes = new List<QuoteFeatures>(analysis.Quotes.Count);
        var group = context.GroupOf(document.Id);
        var estimate = document.Published ?? context.InferredPublished.GetValueOrDefault(document.Id);
        // Relative times of an inferred date are resolved on its first and last possible day: an interval when the
        // date is one, the exact day when it is pinned.
        DateOnly? inferredEarliest = document.Published is null && estimate is not null ? (estimate.Date ?? estimate.Earliest).Earliest : null;
        DateOnly? inferredLatest = document.Published is null && estimate is not null ? (estimate.Date ?? estimate.Latest).Latest : null;
        DateOnly? publishedEarliest = estimate is null ? null : (estimate.Date ?? estimate.Earliest).Earliest;
        DateOnly? publishedLatest = estimate is null ? null : (estimate.Date ?? estimate.Latest).Latest;
        var passageDates = PassageDates(document, analysis, inferredEarliest);
        var namedDays = DocumentDays.Named(document.Text, analysis.Times, inferredEarliest, publishedEarliest, publishedLatest);
        var documentWords = analysis.Claims.Count > 0 ? new DocumentWords(document.Text) : DocumentWords.Empty;
        foreach (var draft in analysis.Claims)
        {
            var time = draft.Time;
            // A subject that is a document-local entity id becomes the corpus-wide one, so "the general" of two
            // documents is one subject and two people who share a name part are not.
            var subject = draft.Subject is { } local && context.EntityIds.TryGetValue(document.Id + "/" + local, out var global) ? global : draft.Subject;
            // The time extractor's own rules, applied again to the inferred day: one set of rules, not two.
            if (draft.TimeSource is { } source && OnInferredDay(source) is { } again) time = again;
            // A figure with no time of its own: when its sentence says ("currently", "at its peak").
            // Shares are left alone: "40% less than the peak" is a change between two times, not a figure at one.
            if (draft.Kind == ClaimKind.Quantity && !string.Equals(draft.Value?.Unit, "percent", StringComparison.OrdinalIgnoreCase) && (time is null || (time.Start is null && time.End is null)))
            {
                var span = draft.Mention.Span;
                var block = BlockOf(document, span.Start);
                var dates = block is { } b && passageDates.TryGetValue(b, out var list) ? list : [];
                time = FigureTimes.For(document.Text, span.Start, span.End, publishedEarliest, publishedLatest, dates) ?? time;
            }
            var sentence = draft.Kind == ClaimKind.Quantity ? SentenceWords(document.Text, draft.Mention.Span) : null;
            var fates = DraftFeatures.IsCount(draft.Kind, draft.Measure) ? DraftFeatures.FatesIn(document.Text, draft.Mention.Span) : null;
            var frame = ClaimFrames.Of(document.Text, draft.Mention.Span, draft.Kind, documentWords);
            var average = draft.Kind == ClaimKind.Quantity && Figures.AsAverage(document.Text, draft.Mention.Span.Start);
            var each = draft.Kind == ClaimKind.Quantity && Figures.Distributive(document.Text, draft.Mention.Span.Start, draft.Mention.Span.End);
            var approximate = draft.Kind == ClaimKind.Quantity && Figures.IsApproximation(draft.Mention.Hedge);
            var reference = draft.Kind == ClaimKind.Quantity ? Figures.ReferencePlace(document.Text, draft.Mention.Span.End, draft.Measure) : null;
            // A status's or statement's event time, from its own words: "damaged on Friday" and "also damaged in January" are two facts.
            var (from, to) = (draft.Mention.Span.Start, draft.Mention.Span.End);
            var told = draft.Kind switch
            {
                ClaimKind.Status => EventTimes.Of(document.Text, from, to, analysis.Times, EventTimes.StatusWord(document.Text, from, to, draft.Status)),
                ClaimKind.Statement => EventTimes.Of(document.Text, from, to, analysis.Times),
                _ => null,
            };
            var eventTime = told is null ? null : OnInferredDay(told) ?? (told.Start is null ? null : new DateRange { Start = told.Start, End = told.End });
            drafts.Add(new DraftFeatures(draft with { Subject = subject }, document.Id, group, time, sentence, fates)
            {
                Frame = frame,
                DocumentWords = documentWords,
                Average = average,
                Each = each,
                Approximate = approximate,
                Reference = reference,
                EventTime = eventTime,
                EventRule = told?.Anchor == TimeAnchor.Publication ? told.Rule : null,
                DocumentDays = namedDays,
                Line = TeaserLines.Line(document.Text, from, to, document.Title),
            });
        }
        foreach (var quote in analysis.Quotes) quotes.Add(new QuoteFeatures(quote, document.Id, group));
        return (drafts, quotes, document.Title?.Trim());

        // A relative time of a document whose date was inferred, resolved on the inferred day's first and last possible
        // day: an interval when the date is one, the exact day when it is pinned; null when the date is not inferred.
        DateRange? OnInferredDay(TimeExpression source)
        {
            if (inferredEarliest is not { } first || inferredLatest is not { } last || source.Rule is null
                || Tense.Resolve(source, first, document.Text) is not { Start: not null } resolved) return null;
            var late = first == last ? resolved : Tense.Resolve(source, last, document.Text);
            return new DateRange { Start = resolved.Start, End = late.End ?? late.Start ?? resolved.End };
        }
    }

    /// <summary>The content words of the sentence around <paramref name="span"/>, without the span's own words.</summary>
    private static string[] SentenceWords(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End > text.Length || span.Start > span.End) return [];
        var (from, to) = FigureTimes.SentenceAround(text, span.Start, span.End);
        var own = ContentWords.Of(text.AsSpan(span.Start, span.End - span.Start));
        return [.. ContentWords.Of(text.AsSpan(from, to - from)).Where(w => Array.BinarySearch(own, w, StringComparer.Ordinal) < 0)];
    }

    /// <summary>The index of the block holding <paramref name="offset"/>, or null.</summary>
    private static int? BlockOf(Document document, int offset)
    {
        for (var i = 0; i < document.Blocks.Count; i++)
            if (offset >= document.Blocks[i].Start && offset < document.Blocks[i].End) return i;
        return null;
    }

    /// <summary>The dates (to the month at least) each block's time expressions give, resolved on the inferred day when the document had none.</summary>
    private static Dictionary<int, List<PartialDate>> PassageDates(Document document, DocumentAnalysis analysis, DateOnly? inferred)
    {
        var result = new Dictionary<int, List<PartialDate>>();
        foreach (var expression in analysis.Times)
        {
            if (expression.Anchor == TimeAnchor.Event) continue;
            var resolved = expression.Start is null && expression.Rule is not null && inferred is { } day ? Tense.Resolve(expression, day, document.Text) : expression;
            if (resolved.Start is not { Month: not null } start || BlockOf(document, expression.Span.Start) is not { } block) continue;
            if (!result.TryGetValue(block, out var list)) result[block] = list = [];
            list.Add(start);
        }
        return result;
    }

    private static List<Claim> MatchClaims(List<DraftFeatures> drafts, CorpusContext context)
    {
        DraftFeatures.MarkAmbiguousSubjects(drafts);
        // Copies of one report repeat its drafts word for word: a story of a wire item copied by hundreds of outlets
        // holds hundreds of identical drafts, and blocking compared each with each (quadratic in the copies). Identical
        // drafts (everything the matcher reads is equal) join their first one at once; only that one is compared with
        // the rest, and what it matches, they match.
        var twinOf = new int[drafts.Count];
        var firsts = new Dictionary<(ClaimKind, string?, string?, string?, string, string, QuantityValue?, PartialDate?, PartialDate?, string?, string), int>();
        for (var i = 0; i < drafts.Count; i++)
        {
            twinOf[i] = i;
            if (drafts[i].Draft.Mention.Modality is not null || drafts[i].Teaser) continue;
            var key = TwinKey(drafts[i]);
            if (!firsts.TryAdd(key, i)) twinOf[i] = firsts[key];
        }
        var index = new BlockingIndex();
        for (var i = 0; i < drafts.Count; i++)
        {
            if (twinOf[i] != i) continue;
            var d = drafts[i];
            var prefix = d.Draft.Kind switch
            {
                ClaimKind.Quantity => "q|" + d.Measure + "|",
                ClaimKind.Status => "s|" + d.Status + "|",
                ClaimKind.Event => "e|",
                _ => "t|",
            };
            var words = d.Draft.Kind == ClaimKind.Statement ? d.Anchors.Concat(d.SpeakerWords).Concat(Rare(d.TextWords))
                : d.SubjectWords.Length > 0 ? d.SubjectWords : d.KeyWords.Length > 0 ? d.KeyWords : d.TextWords;
            foreach (var word in words) index.Add(prefix + word, i);
        }
        var pairs = index.Pairs().ToList();
        var matched = new List<(double Distance, int A, int B)>();
        // Only reported facts corroborate or contradict: an order, plan, hypothetical or denial stays a claim of its own.
        foreach (var p in OrderedParallel.Where(pairs.Count, p => Reported(drafts[pairs[p].A]) && Reported(drafts[pairs[p].B]) && ClaimMatcher.Match(drafts[pairs[p].A], drafts[pairs[p].B])))
        {
            var (a, b) = pairs[p];
            matched.Add((CompatibleSets.Distance(drafts[a].Draft.Value, drafts[b].Draft.Value), a, b));
        }
        matched.Sort();
        var sets = new CompatibleSets(drafts);
        // Mentions naming two different participants of one kind ("INS Mysore" / "INS Sukanya"), or figures of two
        // named parties ("The Rovers have bid £5 million" / "The Wanderers have bid £5 million"), never share a claim,
        // not even through a third mention that names neither ("the three boats", "the offer of £5 million").
        foreach (var p in OrderedParallel.Where(pairs.Count, p => Apart(drafts[pairs[p].A], drafts[pairs[p].B])))
            sets.Forbid(pairs[p].A, pairs[p].B);
        for (var i = 0; i < drafts.Count; i++)
            if (twinOf[i] != i && ClaimMatcher.Match(drafts[twinOf[i]], drafts[i])) sets.TryUnion(twinOf[i], i);
        foreach (var (_, a, b) in matched) sets.TryUnion(a, b);

        var claims = new List<Claim>();
        foreach (var set in sets.Sets()) claims.Add(Build(set, drafts, context));
        claims.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        return claims;
    }

    /// <summary>
    /// True for a fact the document reports: not an order, plan, hypothetical or denial, nor another article's claim
    /// repeated in a line naming its headline (<see cref="DraftFeatures.Teaser"/>).
    /// </summary>
    private static bool Reported(DraftFeatures d) => d.Draft.Mention.Modality is null && !d.Teaser;

    /// <summary>
    /// True when two drafts of one kind must never share a claim: they name two things of one kind, (sums of money:
    /// offers, bids, deals, results) two parties as their agents, (counts) two people as their bearers, or (statuses and
    /// statements) two times for their events. Counts are not kept apart by their agents: one game's yards are one
    /// side's gain and the other's loss, and a team is its city as often as its name.
    /// </summary>
    private static bool Apart(DraftFeatures a, DraftFeatures b) =>
        a.Draft.Kind == b.Draft.Kind
        && (ClaimFrames.OtherOfOneKind(a.Frame, a.DocumentWords, b.Frame, b.DocumentWords)
            || ClaimMatcher.OtherEventTimes(a, b)
            || DocumentDays.Apart(a, b)
            || (a.Measure == "money" && b.Measure == "money" && ClaimFrames.OtherAgents(a.Frame, b.Frame))
            || (a.Draft.Kind == ClaimKind.Quantity && ClaimFrames.OtherBearers(a.Frame, b.Frame)));

    /// <summary>
    /// Everything about a draft the matcher reads: two drafts with one key match the same others. The days its document
    /// names are part of it (<see cref="DocumentDays.Apart"/>: one template sentence in reports of two fires is two
    /// claims), and the sentence's compound names and agent, since a draft's names can forbid it a claim (<see cref="ClaimFrames.OtherOfOneKind"/>, <see cref="ClaimFrames.OtherAgents"/>)
    /// that an identical figure in another sentence may join.
    /// </summary>
    private static (ClaimKind, string?, string?, string?, string, string, QuantityValue?, PartialDate?, PartialDate?, string?, string) TwinKey(DraftFeatures d) =>
        (d.Draft.Kind, d.Measure, d.Status, d.Draft.Subject, string.Join('\u001f', d.Draft.Keys) + '\u001e' + string.Join('\u001f', d.Fates), d.Draft.Text, d.Draft.Value,
            d.Time?.Start, d.Time?.End, d.Draft.Mention.Attribution?.Speaker, d.Frame.CompoundNames + '\u001e' + d.Frame.Agent + '\u001e' + d.Frame.Bearer + (d.Frame.PronounBearer ? "\u001ep" : "") + (d.Each ? "\u001ee" : "")
                + (d.Approximate ? "\u001ea" : "") + '\u001e' + d.EventRule + '\u001e' + d.EventTime?.Start + '\u001e' + d.EventTime?.End
                + '\u001e' + string.Join(',', d.DocumentDays));

    /// <summary>Words of eight letters or more: rare enough in news to block statements on when they carry no anchors.</summary>
    private static IEnumerable<string> Rare(string[] words)
    {
        foreach (var word in words) if (word.Length >= 8) yield return word;
    }

    private static Claim Build(List<int> set, List<DraftFeatures> drafts, CorpusContext context)
    {
        var members = new List<DraftFeatures>(set.Count);
        foreach (var i in set) members.Add(drafts[i]);
        // The representative is the first mention in document order: stable whatever order the store gives.
        members.Sort(static (x, y) =>
        {
            var c = string.CompareOrdinal(x.DocumentId, y.DocumentId);
            return c != 0 ? c : x.Draft.Mention.Span.Start.CompareTo(y.Draft.Mention.Span.Start);
        });
        var first = members[0];
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new List<Mention>(members.Count);
        DateRange? time = null;
        foreach (var m in members)
        {
            sources.Add(m.DocumentId);
            groups.Add(context.GroupOf(m.DocumentId));
            mentions.Add(WithResolvedSpeaker(m.Draft.Mention, m.DocumentId, context.EntityIds));
            time = time is null ? m.Time : first.Draft.Kind == ClaimKind.Quantity ? Intersect(time, m.Time) : time;
        }
        var draft = first.Draft;
        var span = draft.Mention.Span;
        return new Claim
        {
            Id = StableId.Of("c", draft.Kind.ToString(), first.Measure, draft.Subject, first.Status, draft.Text, span.Document, span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Kind = draft.Kind,
            Text = draft.Text,
            Subject = draft.Subject,
            Measure = draft.Measure,
            Value = Narrowest(members),
            Status = first.Status,
            Time = time,
            Mentions = mentions,
            Sources = [.. sources],
            IndependentSources = groups.Count,
            Verdict = groups.Count >= 2 ? Verdict.Corroborated : Verdict.SingleSource,
        };
    }

    /// <summary>
    /// The mention with its named source made the story's entity id ("person:smith" → the entity that holds it), as
    /// quote speakers and claim subjects are; matching read the document's own words before, so nothing it decided moves.
    /// </summary>
    private static Mention WithResolvedSpeaker(Mention mention, string documentId, Dictionary<string, string> entityIds) =>
        mention.Attribution is { Speaker: { } local } attribution && entityIds.TryGetValue(documentId + "/" + local, out var global)
            ? mention with { Attribution = attribution with { Speaker = global } }
            : mention;

    /// <summary>The common part of two times of one figure (each mention bounds when it holds); the first when they share none.</summary>
    private static DateRange? Intersect(DateRange? a, DateRange? b)
    {
        if (a is null || b is null) return a ?? b;
        var start = Later(a.Start, b.Start);
        var end = Earlier(a.End, b.End);
        if (start is { } s && end is { } e && s.Earliest > e.Latest) return a;
        return new DateRange { Start = start, End = end };
    }

    private static PartialDate? Later(PartialDate? x, PartialDate? y) => x is null ? y : y is null ? x : x.Value.Earliest >= y.Value.Earliest ? x : y;

    private static PartialDate? Earlier(PartialDate? x, PartialDate? y) => x is null ? y : y is null ? x : x.Value.Latest <= y.Value.Latest ? x : y;

    /// <summary>The values' common part when they have one (what every source allows), else the first value.</summary>
    private static QuantityValue? Narrowest(List<DraftFeatures> members)
    {
        var first = members[0].Draft.Value;
        if (first is null || members.Count == 1) return first;
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        foreach (var m in members)
        {
            if (m.Draft.Value is not { } v) continue;
            if (v.Low is { } l && l > low) low = l;
            if (v.High is { } h && h < high) high = h;
        }
        if (low > high) return first;
        return first with
        {
            Low = double.IsNegativeInfinity(low) ? null : low,
            High = double.IsPositiveInfinity(high) ? null : high,
        };
    }

    private static List<Quote> MatchQuotes(List<QuoteFeatures> quotes, Dictionary<string, string> entityIds)
    {
        // As for claims: a quote repeated word for word by a wire item's copies is compared once, its copies join it.
        var twinOf = new int[quotes.Count];
        var firsts = new Dictionary<(string, SpeakerKind, string?), int>();
        for (var i = 0; i < quotes.Count; i++)
        {
            var draft = quotes[i].Draft;
            twinOf[i] = firsts.TryGetValue((draft.Variant.Text, draft.SpeakerKind, draft.Speaker), out var first) ? first : i;
            if (twinOf[i] == i) firsts[(draft.Variant.Text, draft.SpeakerKind, draft.Speaker)] = i;
        }
        var index = new BlockingIndex();
        for (var i = 0; i < quotes.Count; i++)
        {
            if (twinOf[i] != i) continue;
            foreach (var word in quotes[i].Anchors) index.Add("a|" + word, i);
            foreach (var word in Rare(quotes[i].Words)) index.Add("r|" + word, i);
            foreach (var word in quotes[i].SpeakerWords) index.Add("p|" + word, i);
        }
        var sets = new UnionFind(quotes.Count);
        for (var i = 0; i < quotes.Count; i++)
            if (twinOf[i] != i && QuoteFeatures.Match(quotes[twinOf[i]], quotes[i])) sets.Union(twinOf[i], i);
        var pairs = index.Pairs().ToList();
        foreach (var p in OrderedParallel.Where(pairs.Count, p => QuoteFeatures.Match(quotes[pairs[p].A], quotes[pairs[p].B])))
            sets.Union(pairs[p].A, pairs[p].B);
        var result = new List<Quote>();
        foreach (var set in sets.Sets())
        {
            var members = new List<QuoteFeatures>(set.Count);
            foreach (var i in set) members.Add(quotes[i]);
            members.Sort(static (x, y) =>
            {
                var c = string.CompareOrdinal(x.DocumentId, y.DocumentId);
                return c != 0 ? c : x.Draft.Variant.Span.Start.CompareTo(y.Draft.Variant.Span.Start);
            });
            var first = members[0].Draft;
            var speaker = first.Speaker;
            var kind = first.SpeakerKind;
            var speakerDocument = members[0].DocumentId;
            // A named rendering names the speaker for all: "one official" in a copy does not hide who spoke.
            foreach (var m in members)
                if (m.Draft.SpeakerKind == SpeakerKind.Named && kind != SpeakerKind.Named) { speaker = m.Draft.Speaker; kind = SpeakerKind.Named; speakerDocument = m.DocumentId; }
            // A speaker that is a document-local entity id becomes the corpus entity's id, as claim subjects do, so
            // the quote names the entity the entity pages list ("person:jane-doe" and "person:jane-q-doe"
            // of two articles are one speaker). Matching above still reads the local id's words.
            if (speaker is not null && entityIds.TryGetValue(speakerDocument + "/" + speaker, out var global)) speaker = global;
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var variants = new List<QuoteVariant>(members.Count);
            foreach (var m in members) { groups.Add(m.Group); variants.Add(m.Draft.Variant); }
            result.Add(new Quote
            {
                Id = StableId.Of("q", speaker, first.Variant.Text, first.Variant.Span.Document, first.Variant.Span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Speaker = speaker,
                SpeakerKind = kind,
                Variants = variants,
                IndependentSources = groups.Count,
            });
        }
        result.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        return result;
    }
}
