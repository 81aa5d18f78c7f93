using Triangulate.Link.Provenance;
using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Link.Stories;

/// <summary>
/// The "stories" corpus stage: single-pass online clustering (the TDT first-story-detection scheme, Allan et al. 1998).
/// Each document, in arrival order and continuing from the stored link state, joins the most similar open story or starts one. A document is a sparse vector of
/// its names (analysis entities and capitalised words), numbers and tf-idf-weighted body words; stories are found
/// through an inverted index from feature to story (postings capped), so the work per document is proportional to the
/// document, not to the corpus. Feature weights are idf over the documents of the same language seen so far (their
/// count is kept beside the term counts), so a name that recurs across many stories stops gluing them; similarity
/// decays with the days between a document and a story (a time window, lenient for undated documents). A document the provenance stage found derived from (or the source of) an earlier one
/// joins that one's story, so a derivation never merges two stories. The stories of the clusters that changed are then
/// made, each with the relations and independence groups among its own documents.
/// </summary>
public sealed class StoryClusterer : ICorpusStage
{
    /// <summary>Documents whose stored document frequencies and partners' stories are read at once (see <see cref="Run"/>).</summary>
    private const int ReadAheadDocuments = 128;

    /// <summary>Features kept per document, heaviest first.</summary>
    private const int FeaturesPerDocument = 40;

    /// <summary>Features kept per story centroid: older detail fades as the story grows.</summary>
    private const int FeaturesPerStory = 160;

    /// <summary>
    /// Stories an index entry points to. A feature in more stories than this says little about which one; once full, a
    /// posting replaces the oldest (ring order), so the entry keeps pointing at stories still being added to.
    /// </summary>
    private const int MaxPostings = 64;

    /// <summary>
    /// Candidate stories scored exactly per document. The first pass sums only the document's weights over shared
    /// features (cheap, no story memory read); the exact cosine is computed for this many, so the work per document
    /// stays bounded however many stories share a common feature.
    /// </summary>
    private const int Shortlisted = 8;

    /// <summary>Features whose idf is below this (in nearly every document) are not looked up: they find every story.</summary>
    private const double MinLookupIdf = 0.5;

    /// <summary>
    /// Cosine to the centroid above which a document joins a story (see docs/link.md for how it was chosen: 0.15 on the
    /// old generated corpus let two same-kind events of one week merge in real news; 0.22 is best on ecb-dev's look part).
    /// </summary>
    public double JoinThreshold { get; init; } = 0.22;

    /// <summary>Days between a document and the day a story began within which time does not count against joining (see <see cref="Required"/>).</summary>
    public int WindowDays { get; init; } = 3;

    /// <summary>
    /// Beyond the window the similarity a document needs to join grows by e^(extra days / this), up to
    /// <see cref="StrongThreshold"/>: a week past the window it needs nearly three times the usual similarity.
    /// </summary>
    public double DecayDays { get; init; } = 7;

    /// <summary>
    /// The similarity at which a document joins a story however far apart in time: a long-running story (a campaign
    /// over months) keeps its documents when they are strongly alike, while chance overlaps across months do not join.
    /// </summary>
    public double StrongThreshold { get; init; } = 0.35;

    /// <summary>
    /// Features a document must share with a story past the time window (besides the similarity): on the generated
    /// corpus every wrong join across weeks shared one or two heavy names, the right ones three or more.
    /// </summary>
    public int MinSharedBeyondWindow { get; init; } = 3;

    /// <summary>
    /// Days after a story began past which a document that names a new day of its own and none of the story's does not
    /// join it by words (-1: off; see <see cref="NamesNewEvent"/>).
    /// </summary>
    public int NewDayAfter { get; init; } = 5;

    /// <summary>
    /// The days after a story's latest dated report within which <see cref="NewDayAfter"/> applies, both included: from
    /// two (a day after the latest report, a new day is as likely the story's own next development), up to ten (long
    /// after, a report of the same people is as likely a later chapter, a trial after an arrest, as a new event: on
    /// ecb-dev such chapters come 12 to 650 days after, on the generated corpora new events of one kind in one town 2 to
    /// 15 days).
    /// </summary>
    public (int Min, int Max) NewDayGap { get; init; } = (2, 10);

    /// <summary>
    /// The share of a document's similarity with a story that may rest on plain words (neither names, numbers nor
    /// days); above it the two share a kind of event ("quarter", "revenue", "per share"), not an event, and the
    /// document does not join by its words (a derived document still follows its partner; see docs/link.md).
    /// </summary>
    public double MaxWordShare { get; init; } = 0.6;

    /// <summary>
    /// The share of a document's similarity with a story that names and numbers must carry (neither plain words nor
    /// named days): a shared day says when and the frame's words what kind, not which event, so together they do not
    /// join two reports (generated 20k: same-kind events in other towns joined on the day, its weekday and the frame;
    /// on ecb-dev's joins names and numbers never carry less than 0.4; see docs/link.md).
    /// </summary>
    public double MinNameShare { get; init; } = 0.3;

    /// <summary>
    /// The share of a document's squared weight on figures (numbers) that a story may have while the figures still count
    /// as the document's own (in effect none of them; see <see cref="NewFiguresTopShare"/>).
    /// </summary>
    public double NewFigures { get; init; } = 0.01;

    /// <summary>
    /// The share of a document's squared weight its figures must carry for <see cref="NewFiguresTopShare"/> to apply: a
    /// report that states its figures (a score and a crowd, a quarter's revenue, a toll), not one that mentions a number.
    /// </summary>
    public double NewFiguresWeight { get; init; } = 0.1;

    /// <summary>
    /// Past the time window (<see cref="WindowDays"/> after a story began), when a document's figures are its own
    /// (<see cref="NewFigures"/>, <see cref="NewFiguresWeight"/>), the largest share of its similarity with the story that
    /// one shared feature may carry: a report that states figures of its own and meets a story on one name (a club, a
    /// town, a word of a company's name) reports another event of that subject (see docs/link.md). 2 turns the rule off.
    /// </summary>
    public double NewFiguresTopShare { get; init; } = 0.5;

    /// <summary>
    /// Past the time window, the days after a story's latest dated report from which a document whose figures are its own
    /// (<see cref="NewFigures"/>, <see cref="NewFiguresWeight"/>) does not join it by words, however many names they share:
    /// a story gone quiet that days is met by the next event of its subject (the club's next match, the company's next
    /// quarter), told with the same names and figures of its own; an event's own update with new figures comes while its
    /// story is current (generated 20k, look part: within one event such joins came at most 4 days after the story's
    /// latest report, across events mostly later; see docs/link.md). -1 turns it off.
    /// </summary>
    public int QuietDays { get; init; } = 5;

    /// <summary>
    /// In a language that capitalises every noun (German), the share of the language's documents (with the idf's prior
    /// of unseen documents) above which a capitalised word is read as a common noun: it weighs and counts as a plain
    /// word, not a name ("Erdbeben", "Behörden" in every quake report; a town in a few). 0 turns the rule off.
    /// </summary>
    public double CommonNounShare { get; init; } = 0.05;

    /// <summary>
    /// The share of a document's own specifics (its names and numbers other than the shared one that carries most of its
    /// similarity with a story, the protagonist) that the story must have for the document to join it by words: a report
    /// of another event of the protagonist (a quake in another town of the country, a second company's results, a club's
    /// next match) meets the story on that one name (the country, a surname, a word of a company's name) while its own
    /// town, people and figures are all new; a report of the story's event
    /// repeats some of them (generated 20k, look part: under 0.1 in 59 word joins that brought a second event in, 1 of
    /// 1,421 within one event; see docs/link.md). Dated documents and stories only. Negative turns the rule off.
    /// </summary>
    public double OwnSpecificsShared { get; init; } = 0.1;

    /// <summary>
    /// The share of a document's squared weight on names and numbers that its specifics besides the protagonist must carry
    /// for <see cref="OwnSpecificsShared"/> to apply: a report that is mostly about the protagonist (a profile, a short
    /// note on one name) says little of which event it reports.
    /// </summary>
    public double OwnSpecificsWeight { get; init; } = 0.5;

    /// <summary>
    /// The names and numbers new to the story a document must bring for <see cref="OwnSpecificsShared"/> to apply: another
    /// event brings its own place, people and figures; a follow-up that quotes one new person (two words of a name) beside
    /// the story's town is still the story's.
    /// </summary>
    public int OwnSpecificsFresh { get; init; } = 3;

    /// <summary>
    /// When a dated document's figures are its own (<see cref="NewFigures"/>, <see cref="NewFiguresWeight"/>), the share of
    /// its other specifics (its names and numbers besides the protagonist, see <see cref="OwnSpecificsShared"/>) that a dated
    /// story must have for the document to join it by words, within the time window too: two events of one kind in one
    /// place or country differ in their own figures and in the names around them (the street, the victims, the second
    /// town), while a report of the story's event that states new figures (a toll that rises) repeats some of its names
    /// (generated 20k, look part: of the dated word joins whose figures are all new, under 0.2 in 24 that brought a second
    /// event in and none within one event; see docs/link.md). A report that mentions a figure (an age) but does not state
    /// figures is left alone. Negative turns the rule off.
    /// </summary>
    public double NewFiguresSpecifics { get; init; } = 0.2;

    /// <summary>
    /// When a dated document's headline states a figure that the headline of a dated story's first report states otherwise
    /// beside the same word (<see cref="HeadlineFigures"/>: another magnitude, another quarter's profit, another sentence's
    /// years), the share of the document's squared weight on figures that the story must have for the document to join it
    /// by words: two events of one kind differ in the figure their headlines lead with and in most of their other figures,
    /// while a report of the story's event that leads with another of its figures (the revenue after the profit, a toll
    /// that rises) repeats most of the story's figures in its text (generated 20k, look part: of the dated word joins whose
    /// headline conflicts so with the story's first, 25 brought a second event in with under half their figures the
    /// story's, none within one event had under 0.7; see docs/link.md). Negative turns the rule off.
    /// </summary>
    public double HeadlineConflictFigures { get; init; } = 0.5;

    /// <summary>
    /// How many of a story's first reports a document's headline is compared with for <see cref="HeadlineConflictFigures"/>
    /// (the first alone misses a story whose first report is in another language or gives no figure in its headline;
    /// every report would set a story's own updates against each other: generated 20k, 1 → 5 → 10 raised look and held).
    /// </summary>
    public int HeadlineConflictLeads { get; init; } = 10;

    /// <summary>
    /// Whether a dated document whose headline and lead give its event another place than a dated story's first reports
    /// give theirs (<see cref="LeadPlaces"/>: another street, another kind of building) is kept from joining it by words:
    /// two fires of one town, told by the same officials in one frame, differ in the street and the building, while every
    /// report of one fire that names them names the same (generated 20k, look part: of the dated word joins, 5 that brought
    /// a second event in and none against a first report of the document's own event; see docs/link.md).
    /// </summary>
    public bool LeadPlaceConflict { get; init; } = true;

    /// <summary>
    /// Whether a document whose headline is the frame of one of a story's first reports' headlines with another name in
    /// one slot, a name the document never gives (<see cref="HeadlineNames"/>: another nominee of one office, another
    /// town's quake, another scorer's match), is kept from joining it by words, dated or not.
    /// </summary>
    public bool HeadlineNameConflict { get; init; } = true;

    /// <summary>
    /// A derived document joins its partner's story only when its words reach this share of the similarity that story
    /// needs: a copy or rewrite keeps much of its source's words; a derivation between two events told in one wire frame
    /// keeps only the frame, and following it merged them (generated 2k: 13 of 72 wrong first joins). Half, not more: a
    /// rewrite that drops the names and figures keeps little else (0.8 separated invented rewrites from their sources).
    /// </summary>
    public double FollowFit { get; init; } = 0.5;

    /// <summary>
    /// Whether the time window counts from the day a story began rather than from its latest report (see
    /// <see cref="Required"/>); false measures the gap to the nearest of its days.
    /// </summary>
    internal bool AnchoredWindow { get; init; } = true;

    /// <summary>Whether a term's idf is counted among the documents of the document's language (see <see cref="Run"/>); false counts the whole corpus.</summary>
    internal bool IdfByLanguage { get; init; } = true;

    /// <summary>Splits stories that hold two events of one kind; null leaves the clusterer's stories as they are.</summary>
    internal StorySplitter? Splitter { get; init; } = new();

    /// <summary>Diagnostics: when set, receives each document, its best story's first document, the similarity, the similarity needed, the features shared and the gap in days (-1 when unknown).</summary>
    internal Action<string, string?, double, double, int, int>? Trace { get; init; }

    /// <summary>Diagnostics: when set, receives every story scored exactly for a document placed by its words (see <see cref="StoryCandidate"/>).</summary>
    internal Action<StoryCandidate>? Scored { get; init; }

    /// <summary>
    /// Experiment (issue 13, docs/benchmarks.md "Sentence embeddings (all-MiniLM-L6-v2) as a second vote on story joins"): when set, asked about a document
    /// placed by its words, its best story's members and the ratio of its cosine to the similarity needed; a non-null
    /// answer decides whether it joins that story instead of the ratio reaching 1. Null (the default) leaves the ratio alone.
    /// </summary>
    internal Func<string, IReadOnlyList<string>, double, bool?>? SecondVote { get; init; }

    /// <summary>Diagnostics: when set, receives every placement of a document (and every family moved whole), in order; see <see cref="StoryPlacement"/>.</summary>
    internal Action<StoryPlacement>? Placed { get; init; }

    /// <summary>
    /// The same settings with observers attached (evaluation dumps, experiments): the one place that copies every
    /// setting, so a setting added later is never left out of a copy. Observers not given keep this one's.
    /// </summary>
    internal StoryClusterer Observed(Action<StoryPlacement>? placed = null, Action<StoryCandidate>? scored = null, Func<string, IReadOnlyList<string>, double, bool?>? secondVote = null) => new()
    {
        JoinThreshold = JoinThreshold,
        WindowDays = WindowDays,
        DecayDays = DecayDays,
        StrongThreshold = StrongThreshold,
        MinSharedBeyondWindow = MinSharedBeyondWindow,
        NewDayAfter = NewDayAfter,
        NewDayGap = NewDayGap,
        MaxWordShare = MaxWordShare,
        MinNameShare = MinNameShare,
        CommonNounShare = CommonNounShare,
        NewFigures = NewFigures,
        NewFiguresWeight = NewFiguresWeight,
        NewFiguresTopShare = NewFiguresTopShare,
        QuietDays = QuietDays,
        OwnSpecificsShared = OwnSpecificsShared,
        OwnSpecificsWeight = OwnSpecificsWeight,
        OwnSpecificsFresh = OwnSpecificsFresh,
        NewFiguresSpecifics = NewFiguresSpecifics,
        HeadlineConflictFigures = HeadlineConflictFigures,
        HeadlineConflictLeads = HeadlineConflictLeads,
        LeadPlaceConflict = LeadPlaceConflict,
        HeadlineNameConflict = HeadlineNameConflict,
        FollowFit = FollowFit,
        AnchoredWindow = AnchoredWindow,
        IdfByLanguage = IdfByLanguage,
        Splitter = Splitter,
        Trace = Trace,
        Scored = scored ?? Scored,
        SecondVote = secondVote ?? SecondVote,
        Placed = placed ?? Placed,
    };

    /// <inheritdoc/>
    public string Name => "stories";

    /// <inheritdoc/>
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.LinkState;
        var meta = state.Space(0, LinkCodec.EncodeLong, LinkCodec.DecodeLong);
        var df = state.Space(10, LinkCodec.EncodeInt, LinkCodec.DecodeInt);
        var index = state.Space(11, p => p.Encode(), Postings.Decode);
        var stories = state.Space(12, s => s.Encode(), StoryState.Decode);
        var storyOf = state.Space(13, LinkCodec.EncodeInt, LinkCodec.DecodeInt);
        var records = ProvenanceRecord.In(state);
        var next = (int)(meta.TryGet(2, out var made) ? made : 0);
        var scores = new Dictionary<int, double>();
        var shortlist = new List<int>(Shortlisted);
        var touched = new SortedSet<int>();
        var partners = new SortedSet<int>();
        HashSet<ulong> words = [], names = [];
        Dictionary<ulong, int> named = [];
        // The figures of the document's headline, and those of each story's first report's headline by its document id.
        Dictionary<string, HashSet<string>> headline = [], places = [];
        // The document's headline as a frame, and its words, read when a story's first report's headline is its frame.
        var frame = Frame.Empty;
        Document? current = null;
        DocumentWords? currentWords = null;
        var leads = state.Kept<FirstReports>().For(LeadPlaceConflict);
        // A document's terms and the sets of its words, days and names depend on the document alone: read and computed
        // ahead on the other cores while the documents before are placed (everything after depends on arrival order).
        // Its headline's figures and its lead's places too (as a first report's are read, Lead): what it is scored with,
        // and, when it opens a story, what later documents are scored against, without reading it back from the store.
        foreach (var (document, terms, documentWords, documentNamed, documentNames, lead) in ReadAhead(OrderedParallel.Ahead(context.Fresh, Features), f => f.Document, f => f.Terms.Keys))
        {
            var days = StoryState.DaysOf(document.Published);
            (words, named, names) = (documentWords, documentNamed, documentNames);
            headline = HeadlineConflictFigures >= 0 && days is not null ? lead.Figures : [];
            places = LeadPlaceConflict && days is not null ? lead.Places : [];
            frame = HeadlineNameConflict ? lead.Headline : Frame.Empty;
            (current, currentWords) = (document, null);
            // A term's rarity is counted among the documents of the document's own language: against the whole corpus a
            // minority language's every word is rare (its function words, and its capitalised nouns read as names), so
            // any two of its reports of one kind of event looked alike (generated 20k: German, French and Spanish fire
            // and quake reports of 60-100 events each chained into one story). The feature itself stays the term, so a
            // translation still meets its source on the names they share.
            // The language's document count is kept under the language's own key (key 0, the whole corpus, when off).
            var language = LanguageKey(document);
            df.Prefetch(terms.Keys.Select(t => (long)(t ^ language)).Append((long)language));
            var inLanguage = (df.TryGet((long)language, out var known) ? known : 0) + 1;
            df.Set((long)language, inLanguage);
            // In German every noun is capitalised: the frame's nouns of a kind of event ("Erdbeben", "Behörden") read as
            // names weighed double and carried joins across towns (generated 20k: 51 of the 105 German word joins brought
            // a second event in). A capitalised word common among the language's documents is such a noun.
            if (CommonNounShare > 0 && CommonNames.CapitalisesNouns(document.Language))
                foreach (var name in names)
                    if (terms.TryGetValue(name, out var tf) && CommonNames.IsCommon((df.TryGet((long)(name ^ language), out var n) ? n : 0) + 1, inLanguage, CommonNounShare, least: 0))
                    {
                        terms[name] = (tf.Count, 1.0);
                        words.Add(name);
                    }
            var vector = StoryFeatures.Vector(terms, t => df.TryGet((long)(t ^ language), out var n) ? n : 0, (t, n) => df.Set((long)(t ^ language), n), inLanguage,
                FeaturesPerDocument, out var lookup, MinLookupIdf);
            index.Prefetch(vector.Select(f => (long)f.Feature));
            var key = LinkCodec.DocumentKey(document.Id);
            // A copy, rewrite or translation of a document placed before goes where that document went: a derivation is
            // stronger evidence of one story than any overlap of words, and joining one partner's story (never merging
            // two stories) keeps one false derivation from dragging two events together.
            partners.Clear();
            if (records.TryGet(key, out var record))
                foreach (var partner in record.Partners)
                    if (storyOf.TryGet(LinkCodec.DocumentKey(partner), out var placed)) partners.Add(placed);
            int target;
            if (partners.Count > 0) target = Follow(document.Id, vector, lookup, days);
            else
            {
                var (best, bestScore) = Choose(document.Id, vector, lookup, days);
                var joins = best >= 0 && (SecondVote?.Invoke(document.Id, Story(best).Documents, bestScore) ?? bestScore >= 1.0);
                target = joins ? best : next++;
            }
            if (Placed is not null) Report(document.Id, target, partners.Count > 0 ? StoryPlacement.Follow : StoryPlacement.Words, vector, days);
            Join(target, document, vector);
            // One of the story's first reports: kept as Lead would read it.
            if (Story(target).Documents.Count <= HeadlineConflictLeads && !leads.ContainsKey(document.Id))
            {
                if (leads.Count >= FirstReports.Most) leads.Clear();
                leads[document.Id] = lead;
            }
            storyOf.Set(key, target);
            touched.Add(target);
        }
        meta.Set(2, next);
        MakeStories(context, [.. touched], stories, records, LeadPlaceConflict ? leads : null);

        ulong LanguageKey(Document document) => IdfByLanguage ? LinkText.Hash("@language:" + document.Language) : 0UL;

        // The stored values the documents of a chunk ask for first (their terms' document frequencies, their partners'
        // stories) are read in one read a space for the chunk, not one a document (a query a document each, most of
        // them for keys never stored, was most of what a later part of a relink allocated here beyond the first). A
        // key read before a document of the chunk sets it reads what was stored, which that document then replaces in
        // memory as it would have: each document is placed as before.
        IEnumerable<T> ReadAhead<T>(IEnumerable<T> items, Func<T, Document> documentOf, Func<T, IEnumerable<ulong>> termsOf)
        {
            foreach (var chunk in items.Chunk(ReadAheadDocuments))
            {
                var frequencies = new List<long>();
                var placed = new List<long>();
                foreach (var item in chunk)
                {
                    var document = documentOf(item);
                    var language = LanguageKey(document);
                    frequencies.Add((long)language);
                    foreach (var term in termsOf(item)) frequencies.Add((long)(term ^ language));
                    if (records.TryGet(LinkCodec.DocumentKey(document.Id), out var record))
                        foreach (var partner in record.Partners) placed.Add(LinkCodec.DocumentKey(partner));
                }
                df.Prefetch(frequencies);
                storyOf.Prefetch(placed);
                foreach (var item in chunk) yield return item;
            }
        }

        (Document Document, Dictionary<ulong, (int Count, double Boost)> Terms, HashSet<ulong> Words, Dictionary<ulong, int> Named, HashSet<ulong> Names,
            LeadFacts Lead) Features((Document Document, DocumentAnalysis Analysis) item)
        {
            HashSet<ulong> words = [], names = [];
            Dictionary<ulong, int> named = [];
            return (item.Document, StoryFeatures.Terms(item.Document, item.Analysis, words, named, names), words, named, names, ReadLead(item.Document));
        }

        // Adds a document to a story and indexes the story under the features it gained, so later documents can find it.
        void Join(int story, Document document, List<(ulong Feature, double Weight)> vector)
        {
            if (!stories.TryGet(story, out var joined)) joined = new StoryState();
            foreach (var feature in joined.Add(document, vector, FeaturesPerStory))
            {
                if (!index.TryGet((long)feature, out var postings)) postings = new Postings();
                postings.Add(story, MaxPostings);
                index.Set((long)feature, postings);
            }
            stories.Set(story, joined);
        }

        // Diagnostics: what a placement rests on (the features that carry its cosine with the story it joins).
        void Report(string id, int story, string how, List<(ulong Feature, double Weight)> vector, (int First, int Last)? days)
        {
            if (!stories.TryGet(story, out var into) || into.Documents.Count == 0)
            {
                Placed!(new StoryPlacement(id, story, StoryPlacement.New, 0, 0, 0, -1, 0, 0, []));
                return;
            }
            var (_, cosine, required, shared) = Score(into, vector, days, named, words, names);
            var evidence = vector.Select(f => (f.Feature, Share: f.Weight * into.Weight(f.Feature) / into.Norm)).Where(f => f.Share > 0).OrderByDescending(f => f.Share).Take(12).ToList();
            var coverage = Coverage(into, vector);
            var top = vector.Take(4).Count(f => into.Weight(f.Feature) > 0);
            var (wordShare, sharedDays, newDays, wordCoverage, dayShare) = Signals(into, vector, words, named);
            var (topShare, anchorCoverage, numberCoverage, restCoverage, restAnchors, topKind) = Anchors(into, vector, words, named, names);
            Placed!(new StoryPlacement(id, story, how, cosine, required, shared, Gap(days, into), into.Documents.Count, into.Norm / into.Documents.Count, evidence)
            {
                Coverage = coverage,
                TopShared = top,
                WordShare = wordShare,
                SharedDays = sharedDays,
                NewDays = newDays,
                Since = Since(days, into),
                WordCoverage = wordCoverage,
                DayShare = dayShare,
                TopShare = topShare,
                AnchorCoverage = anchorCoverage,
                NumberCoverage = numberCoverage,
                RestCoverage = restCoverage,
                RestAnchors = restAnchors,
                TopKind = topKind,
            });
        }

        StoryState Story(int story) => stories.TryGet(story, out var found) ? found : throw new InvalidOperationException($"story state {story} is missing");

        // Where a derived document goes: the story among its partners' its words fit best (the lowest number on a tie).
        // When those stories hold nothing but derived documents (a family that found no story of its own, as an undated
        // rewrite arriving before its source may) and the document's words fit another story, the family moves there
        // whole: it is placed by its content, as a report of the event, never by chance arrival order alone.
        int Follow(string id, List<(ulong Feature, double Weight)> vector, bool[] lookup, (int First, int Last)? days)
        {
            var target = -1;
            var bestScore = double.MinValue;
            foreach (var s in partners)
            {
                var (score, _, _, _) = Score(Story(s), vector, days, named, null, null);
                if (score > bestScore) (target, bestScore) = (s, score);
            }
            if (bestScore >= 1.0) return target;
            var (best, fit) = Choose(id, vector, lookup, days);
            // Words far from every partner's story (a wire frame with another event's names and figures read as a copy):
            // the derivation is doubted, and the document is placed by its words like any other.
            if (bestScore < FollowFit) return best >= 0 && fit >= 1.0 ? best : next++;
            if (best < 0 || fit < 1.0 || partners.Contains(best) || !partners.All(FamilyOnly)) return target;
            foreach (var s in partners)
            {
                var family = Story(s);
                if (Placed is not null)
                {
                    var required = Required(days, Story(best));
                    foreach (var member in family.Documents) Placed(new StoryPlacement(member, best, StoryPlacement.Moved, fit * required, required, 0, -1, Story(best).Documents.Count, 0, []));
                }
                foreach (var member in family.Documents) storyOf.Set(LinkCodec.DocumentKey(member), best);
                var into = Story(best);
                foreach (var feature in into.Absorb(family, FeaturesPerStory))
                {
                    if (!index.TryGet((long)feature, out var postings)) postings = new Postings();
                    postings.Add(best, MaxPostings);
                    index.Set((long)feature, postings);
                }
                stories.Set(s, family);
                stories.Set(best, into);
                touched.Add(s);
            }
            return best;
        }

        // Whether the document's headline states a figure that one of the story's first reports' headlines states otherwise,
        // and whether its headline and lead give another place than the story's first reports give theirs.
        (bool Figures, bool Places, bool Names) Conflicts(StoryState story)
        {
            var names = frame.Slots.Count > 0 && story.Documents.Take(HeadlineConflictLeads).Any(d => NameConflict(Lead(d).Headline));
            if ((headline.Count == 0 && places.Count == 0) || story.Days is null) return (false, false, names);
            var first = story.Documents.Take(HeadlineConflictLeads).Select(Lead).ToList();
            return (headline.Count > 0 && first.Any(l => HeadlineFigures.Conflict(headline, l.Figures)), LeadPlaces.Conflict(places, first.Select(l => l.Places)), names);
        }

        // Whether the document's headline puts a name where a first report's puts one it never names (its words read once,
        // and only when the two headlines are one frame, which few are).
        bool NameConflict(Frame other) =>
            HeadlineNames.Substituted(frame, other) is not null
            && HeadlineNames.Conflict(frame, currentWords ??= new DocumentWords(current?.Text ?? ""), other);

        // A first report's headline figures and places, read once.
        LeadFacts Lead(string id)
        {
            if (leads.TryGetValue(id, out var lead)) return lead;
            if (leads.Count >= FirstReports.Most) leads.Clear();
            return leads[id] = ReadLead(context.Corpus.FindDocument(id));
        }

        // Whether every document of a story was found derived from, or the source of, another.
        bool FamilyOnly(int story)
        {
            var members = Story(story).Documents;
            records.Prefetch(members.Select(LinkCodec.DocumentKey));
            return members.All(m => records.TryGet(LinkCodec.DocumentKey(m), out var r) && r.Partners.Count > 0);
        }

        // The story a vector should join: the one it exceeds its required similarity by most (score ≥ 1 to join).
        (int Best, double Score) Choose(string id, List<(ulong Feature, double Weight)> vector, bool[] lookup, (int First, int Last)? days)
        {
            scores.Clear();
            for (var f = 0; f < vector.Count; f++)
            {
                var (feature, weight) = vector[f];
                if (!lookup[f] || !index.TryGet((long)feature, out var postings)) continue;
                // First pass: the document's own weights over shared features (no story memory touched).
                foreach (var s in postings.Stories) scores[s] = scores.GetValueOrDefault(s) + weight;
            }
            Shortlist(scores, shortlist);
            stories.Prefetch(shortlist.Select(s => (long)s));
            var best = -1;
            var bestScore = 0.0;
            double bestCosine = 0, bestRequired = 0;
            var bestShared = 0;
            foreach (var s in shortlist)
            {
                var story = Story(s);
                var (figuresConflict, placesConflict, namesConflict) = Conflicts(story);
                // A headline that puts another name in the frame of the story's first report's, a name it never gives:
                // another event of that kind (another nominee, another town's quake), dated or not.
                if (namesConflict) continue;
                var (score, cosine, required, shared) = Score(story, vector, days, named, words, names, figuresConflict, placesConflict);
                // Past the window one heavy shared name (a town, a surname) is chance, not a story: breadth is needed too.
                if (shared < MinSharedBeyondWindow && Gap(days, story) > WindowDays) continue;
                // A report of a new event of the story's kind in the story's place names its own day.
                if (NamesNewEvent(story, days, named)) continue;
                Scored?.Invoke(new StoryCandidate(id, s, story.Documents, cosine, required, shared, Gap(days, story)));
                if (score > bestScore || (score == bestScore && s < best)) { best = s; bestScore = score; bestCosine = cosine; bestRequired = required; bestShared = shared; }
            }
            Trace?.Invoke(id, best >= 0 && Story(best).Documents.Count > 0 ? Story(best).Documents[0] : null, bestCosine, bestRequired, bestShared, best >= 0 ? Gap(days, Story(best)) : -1);
            return (best, bestScore);
        }
    }

    /// <summary>A vector's cosine with a story's centroid over the similarity it needs to join (≥ 1 joins), the cosine, what is needed, and the features shared.</summary>
    private (double Score, double Cosine, double Required, int Shared) Score(StoryState story, List<(ulong Feature, double Weight)> vector, (int First, int Last)? days, Dictionary<ulong, int> named, HashSet<ulong>? words, HashSet<ulong>? names, bool headlineConflict = false, bool placeConflict = false)
    {
        // The exact cosine with the story's centroid, for the few best candidates only.
        double dot = 0, wordDot = 0, dayDot = 0, top = 0, figures = 0, figuresIn = 0, anchors = 0, anchorsIn = 0, anchorTop = 0, anchorTopSquare = 0;
        int shared = 0, fresh = 0;
        foreach (var (feature, weight) in vector)
        {
            var w = story.Weight(feature);
            // The sets are given for a placement by words only.
            var figure = words is not null && names is not null && IsFigure(feature, words, named, names);
            if (figure) figures += weight * weight;
            var anchor = words is not null && !words.Contains(feature) && !named.ContainsKey(feature);
            if (anchor) anchors += weight * weight;
            if (w == 0)
            {
                if (anchor) fresh++;
                continue;
            }
            dot += weight * w;
            top = Math.Max(top, weight * w);
            if (anchor)
            {
                anchorsIn += weight * weight;
                if (weight * w > anchorTop) (anchorTop, anchorTopSquare) = (weight * w, weight * weight);
            }
            if (figure) figuresIn += weight * weight;
            if (words?.Contains(feature) == true) wordDot += weight * w;
            else if (words is not null && named.ContainsKey(feature)) dayDot += weight * w;
            shared++;
        }
        // A report of another event of the story's subject (the club's next match, the company's next quarter, the town's
        // next fire) states figures of its own, none of the story's, and meets the story on one name; a later report of
        // the same event repeats some of its figures or shares more than the one name. Within the window a new figure is
        // as likely the event's own update (a toll that rises), so the rule waits for the window to pass. A story quiet for
        // days is met by its subject's next event on all its names (the club, its ground, its coach): then figures of the
        // document's own are enough, however many names carry the join.
        if (dot > 0 && Since(days, story) > WindowDays && figures >= NewFiguresWeight && figuresIn <= NewFigures * figures && (top > NewFiguresTopShare * dot || (QuietDays >= 0 && Gap(days, story) >= QuietDays))) dot = 0;
        // Shared names, numbers or days carry a join by words; the words of an event's kind alone do not (a derivation,
        // scored without the words, is evidence of its own).
        // Nor do they with a shared day: names and numbers must carry part of it (a day and a kind make no event).
        if (dot > 0 && (wordDot / dot > MaxWordShare || (dot - wordDot - dayDot) / dot < MinNameShare)) dot = 0;
        // One shared name is the protagonist, not the event: when a dated document's other names and numbers (its town,
        // its people, its figures) are nearly all new to a dated story, it reports another event of that protagonist.
        // Undated documents (most of ecb-dev) are left alone, as by the time rules: a later chapter of one event told
        // months on meets its story on its protagonist with new names around it.
        var specifics = anchors - anchorTopSquare;
        if (dot > 0 && OwnSpecificsShared >= 0 && anchorTop > 0 && fresh >= OwnSpecificsFresh && days is not null && story.Days is not null
            && specifics > OwnSpecificsWeight * anchors && anchorsIn - anchorTopSquare <= OwnSpecificsShared * specifics) dot = 0;
        // Figures of its own and other specifics nearly all new: another event met on its protagonist, whenever it comes
        // (an event's own update with new figures repeats the names around them).
        if (dot > 0 && NewFiguresSpecifics >= 0 && anchorTop > 0 && days is not null && story.Days is not null && figures >= NewFiguresWeight
            && figuresIn <= NewFigures * figures && specifics > 0 && anchorsIn - anchorTopSquare < NewFiguresSpecifics * specifics) dot = 0;
        // A headline that leads with another value of the story's headline figure (another magnitude, another quarter's
        // profit) reports another event, unless the text repeats most of the story's figures (a report of the same event
        // that leads with another of them).
        if (dot > 0 && headlineConflict && HeadlineConflictFigures >= 0 && days is not null && story.Days is not null && figures > 0
            && figuresIn < HeadlineConflictFigures * figures) dot = 0;
        // A headline and lead that give the event another street or building than the story's first reports: another
        // event of the story's kind and place.
        if (dot > 0 && placeConflict && days is not null && story.Days is not null) dot = 0;
        var cosine = dot / story.Norm;
        var required = Required(days, story);
        return (cosine / required, cosine, required, shared);
    }

    /// <summary>
    /// Whether a document reports another event than the story's: it comes more than <see cref="NewDayAfter"/> days after
    /// the story began and within <see cref="NewDayGap"/> of its latest dated report, it names a day after that report
    /// which the story never named, and it names none of the days the story named. A follow-up names the day its event
    /// happened ("the fire on Monday"); a new event of the same kind in the same place, told by the same officials,
    /// names its own day.
    /// </summary>
    private bool NamesNewEvent(StoryState story, (int First, int Last)? days, Dictionary<ulong, int> named)
    {
        if (NewDayAfter < 0 || named.Count == 0 || story.Days is not { } s || Since(days, story) <= NewDayAfter || Gap(days, story) < NewDayGap.Min || Gap(days, story) > NewDayGap.Max) return false;
        var fresh = false;
        foreach (var (feature, day) in named)
        {
            if (story.Weight(feature) > 0) return false;
            if (day > s.Last) fresh = true;
        }
        return fresh;
    }

    /// <summary>
    /// What a join rests on besides its cosine: the share of the dot product carried by plain words (neither names,
    /// numbers nor days), the days the document names that the story's centroid has, and those it lacks that fall after
    /// the story's last dated report.
    /// </summary>
    private static (double WordShare, int SharedDays, int NewDays, double WordCoverage, double DayShare) Signals(StoryState story, List<(ulong Feature, double Weight)> vector, HashSet<ulong> words, Dictionary<ulong, int> named)
    {
        double dot = 0, wordDot = 0, wordAll = 0, wordIn = 0, dayDot = 0;
        foreach (var (feature, weight) in vector)
        {
            var w = story.Weight(feature) * weight;
            dot += w;
            if (named.ContainsKey(feature)) dayDot += w;
            if (!words.Contains(feature)) continue;
            wordDot += w;
            wordAll += weight * weight;
            if (w > 0) wordIn += weight * weight;
        }
        int sharedDays = 0, newDays = 0;
        foreach (var (feature, day) in named)
        {
            if (story.Weight(feature) > 0) sharedDays++;
            else if (story.Days is { } d && day > d.Last) newDays++;
        }
        return (dot > 0 ? wordDot / dot : 0, sharedDays, newDays, wordAll > 0 ? wordIn / wordAll : 0, dot > 0 ? dayDot / dot : 0);
    }

    /// <summary>
    /// Diagnostics: the largest share of the dot product one shared feature carries; the share of the document's squared
    /// weight on anchors (names and numbers: neither plain words nor days) that falls on anchors the story has; the same
    /// for numbers alone (-1 when the document names none); the same for the anchors besides the shared one that carries
    /// most of the dot product (see <see cref="OwnSpecificsShared"/>; -1 when there are none), their share of the anchors'
    /// weight, and what kind of feature carries most of the dot product.
    /// </summary>
    private static (double TopShare, double AnchorCoverage, double NumberCoverage, double RestCoverage, double RestAnchors, string TopKind) Anchors(StoryState story, List<(ulong Feature, double Weight)> vector, HashSet<ulong> words, Dictionary<ulong, int> named, HashSet<ulong> names)
    {
        double dot = 0, top = 0, all = 0, covered = 0, numbers = 0, numbersIn = 0, anchorTop = 0, anchorTopSquare = 0;
        var topKind = "-";
        foreach (var (feature, weight) in vector)
        {
            var w = story.Weight(feature) * weight;
            dot += w;
            if (w > top) topKind = words.Contains(feature) ? "word" : named.ContainsKey(feature) ? "day" : names.Contains(feature) ? "name" : "number";
            top = Math.Max(top, w);
            if (words.Contains(feature) || named.ContainsKey(feature)) continue;
            all += weight * weight;
            if (w > 0) covered += weight * weight;
            if (w > anchorTop) (anchorTop, anchorTopSquare) = (w, weight * weight);
            if (!IsFigure(feature, words, named, names)) continue;
            numbers += weight * weight;
            if (w > 0) numbersIn += weight * weight;
        }
        var rest = all - anchorTopSquare;
        return (dot > 0 ? top / dot : 0, all > 0 ? covered / all : 0, numbers > 0 ? numbersIn / numbers : -1, rest > 1e-9 ? (covered - anchorTopSquare) / rest : -1, all > 0 ? rest / all : 0, topKind);
    }

    /// <summary>A number: a feature that is neither a plain word, a named day nor a name.</summary>
    private static bool IsFigure(ulong feature, HashSet<ulong> words, Dictionary<ulong, int> named, HashSet<ulong> names) =>
        !words.Contains(feature) && !named.ContainsKey(feature) && !names.Contains(feature);

    /// <summary>Diagnostics: the share of a vector's squared weight on features the story's centroid has.</summary>
    private static double Coverage(StoryState story, List<(ulong Feature, double Weight)> vector)
    {
        double covered = 0;
        foreach (var (feature, weight) in vector)
            if (story.Weight(feature) != 0) covered += weight * weight;
        return covered;
    }

    /// <summary>
    /// Makes the stories of the clusters that changed: each split where it holds two events of one kind, each part given
    /// the relations and independence groups among its own documents (nothing outside it counts); the stories these
    /// clusters made before and no longer make are listed as removed. Clusters in parallel: they share nothing.
    /// </summary>
    private void MakeStories(CorpusContext context, int[] touched, LinkSpace<StoryState> stories, LinkSpace<ProvenanceRecord> records,
        Dictionary<string, LeadFacts>? leads)
    {
        var states = new StoryState[touched.Length];
        var members = new List<long>();
        for (var i = 0; i < touched.Length; i++)
        {
            if (!stories.TryGet(touched[i], out states[i])) throw new InvalidOperationException($"story state {touched[i]} is missing");
            foreach (var id in states[i].Documents) members.Add(LinkCodec.DocumentKey(id));
        }
        // Loaded before the parallel part, which then only reads.
        records.Prefetch(members);
        var made = new List<(Story Story, List<Relation> Relations, List<(string Document, string Group)> Groups)>[touched.Length];
        Parallel.For(0, touched.Length, i =>
        {
            var state = states[i];
            made[i] = [];
            // A story whose documents moved into another (a family placed by its content) makes no story any more.
            if (state.Documents.Count == 0) return;
            var documents = state.Documents.Order(StringComparer.Ordinal).ToList();
            var whole = ProvenanceLinks.Build(documents, id => ProvenanceLinker.Record(records, id));
            // The first reports read so far are only read here (no thread writes them until the next document is placed).
            var parts = Splitter is null ? [documents] : Splitter.Split(documents, context.Corpus, whole.Relations, leads is null ? null : id => leads.TryGetValue(id, out var lead) ? lead : null);
            var list = new List<(Story, List<Relation>, List<(string, string)>)>(parts.Count);
            foreach (var part in parts)
            {
                var links = parts.Count == 1 ? whole : ProvenanceLinks.Build(part, id => ProvenanceLinker.Record(records, id));
                var groups = links.Groups.ToDictionary(g => g.Document, g => g.Group, StringComparer.Ordinal);
                var story = parts.Count == 1 ? state.ToStory(id => groups.GetValueOrDefault(id, id)) : Part(context, part, groups);
                list.Add((story, links.Relations, links.Groups));
            }
            made[i] = list;
        });
        for (var i = 0; i < touched.Length; i++)
        {
            var ids = made[i].Select(m => m.Story.Id).ToList();
            foreach (var old in states[i].StoryIds)
                if (!ids.Contains(old)) context.RemovedStories.Add(old);
            if (!states[i].StoryIds.SequenceEqual(ids))
            {
                states[i].StoryIds.Clear();
                states[i].StoryIds.AddRange(ids);
                stories.Set(touched[i], states[i]);
            }
            foreach (var (story, relations, groups) in made[i])
            {
                context.Stories.Add(story);
                context.Relations.AddRange(relations);
                foreach (var (document, group) in groups) context.IndependenceGroups[document] = group;
            }
        }
        context.Stories.Sort((x, y) => string.CompareOrdinal(x.Documents[0], y.Documents[0]));
        context.Relations.Sort(ProvenanceLinks.CompareRelations);
        context.RemovedStories.Sort(StringComparer.Ordinal);
    }

    /// <summary>
    /// The headline figures and lead places of stories' first reports, read once each (a document read from the store
    /// each), kept from one part of a relink to the next (<see cref="LinkState.Kept{T}"/>): a story's first reports are
    /// read again whenever a later document is scored against it, in whichever part (generated 60k in parts of 5,000,
    /// documents read from the store by the stories stage: 7,221 in the first part, about 12,600 in the second). What is
    /// read depends on the document
    /// alone (and on whether places are read); cleared when full, so memory stays bounded whatever the run's length.
    /// </summary>
    private sealed class FirstReports
    {
        /// <summary>First reports kept at most (a few hundred bytes each).</summary>
        public const int Most = 1 << 16;

        private readonly Dictionary<string, LeadFacts> _read = new(StringComparer.Ordinal);
        private bool _places;

        /// <summary>Those read so far, with their places read or not as <paramref name="places"/> says.</summary>
        public Dictionary<string, LeadFacts> For(bool places)
        {
            if (places != _places) _read.Clear();
            _places = places;
            return _read;
        }
    }

    /// <summary>A document's headline figures and lead places (none when it is missing), as a story's first report is read.</summary>
    private LeadFacts ReadLead(Document? document) => LeadFacts.Of(document, LeadPlaceConflict);

    /// <summary>A story made of one part of a split: titled by its first document that has a headline, dated by its members.</summary>
    private static Story Part(CorpusContext context, List<string> documents, Dictionary<string, string> groupOf)
    {
        string? title = null;
        PartialDate? first = null, last = null;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in documents)
        {
            groups.Add(groupOf.GetValueOrDefault(id, id));
            if (context.Corpus.FindDocument(id) is not { } document) continue;
            if (title is null && document.Title is { Length: > 0 } t) title = t;
            if (document.Published is not { } published) continue;
            if (first is null || published.Earliest < first.Value) first = published.Earliest;
            if (last is null || published.Latest > last.Value) last = published.Latest;
        }
        return new Story
        {
            Id = StableId.Of("s", documents[0]),
            Title = title ?? "(untitled)",
            Documents = documents,
            First = first,
            Last = last,
            IndependentSources = groups.Count,
        };
    }

    /// <summary>Days between a document's dates and a story's, or -1 when either is unknown.</summary>
    private static int Gap((int First, int Last)? days, StoryState story) =>
        days is { } d && story.Days is { } s ? Math.Max(0, Math.Max(d.First - s.Last, s.First - d.Last)) : -1;

    /// <summary>The <see cref="Shortlisted"/> stories with the highest first-pass scores, ties by lower index.</summary>
    private static void Shortlist(Dictionary<int, double> scores, List<int> shortlist)
    {
        shortlist.Clear();
        Span<double> best = stackalloc double[Shortlisted];
        foreach (var (s, score) in scores)
        {
            // Insertion into a small sorted list: scores has at most a few thousand entries, the list eight.
            var at = shortlist.Count;
            while (at > 0 && (score > best[at - 1] || (score == best[at - 1] && s < shortlist[at - 1]))) at--;
            if (at >= Shortlisted) continue;
            if (shortlist.Count == Shortlisted) shortlist.RemoveAt(Shortlisted - 1);
            shortlist.Insert(at, s);
            for (var k = shortlist.Count - 1; k > at; k--) best[k] = best[k - 1];
            best[at] = score;
        }
    }

    /// <summary>
    /// The similarity a document needs to join <paramref name="story"/>: <see cref="JoinThreshold"/> when the document's
    /// days or the story's are unknown (lenient: an undated page may belong anywhere) or fall within
    /// <see cref="WindowDays"/> of the day the story began (of its first day, for a document before it); beyond, growing
    /// exponentially with the extra days up to <see cref="StrongThreshold"/>.
    /// </summary>
    internal double Required((int First, int Last)? days, StoryState story)
    {
        // Counted from the story's first day, not its latest: a story's days used to move on with every join, so a story
        // of a kind of event (a quake, a fire) that took in each new event's first report stayed "current" for weeks, and
        // every next report of that kind joined it at the lenient threshold (generated 20k: 367 quake reports of 74 events
        // in one story). A follow-up days later still joins its event when alike (a report names the town, the people and
        // the figures of its event); a new event of the same kind, sharing only the frame, no longer does.
        var gap = AnchoredWindow ? Since(days, story) : Gap(days, story);
        return gap <= WindowDays ? JoinThreshold : Math.Min(Math.Max(StrongThreshold, JoinThreshold), JoinThreshold * Math.Exp((gap - WindowDays) / DecayDays));
    }

    /// <summary>Days between a document's dates and the day a story began (its first day, for a document after it), or -1 when either is unknown.</summary>
    private static int Since((int First, int Last)? days, StoryState story) =>
        days is { } d && story.Days is { } s ? Math.Max(0, Math.Max(d.First - s.First, s.First - d.Last)) : -1;
}
