using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Link.Provenance;

/// <summary>
/// The "provenance" corpus stage: finds which documents are copies, syndications, rewrites or translations of which,
/// which outside outlets each cites, and the independence groups (documents that count as one source).
/// Candidates come in time linear in the corpus: an exact hash of the normalised body, MinHash with LSH banding over
/// word shingles (Broder 1997; Leskovec et al., Mining of Massive Datasets ch. 3), and an inverted index of rare
/// anchors (numbers, names) for rewrites and translations, which share few shingles. Each candidate pair is then
/// verified by a monotone sentence alignment whose aligned passages become the relation's evidence.
/// What it finds is recorded per document in the link state (<see cref="ProvenanceRecord"/>); the stories stage makes
/// each story's relations and independence groups from its members' records (<see cref="ProvenanceLinks"/>).
/// </summary>
public sealed class ProvenanceLinker : ICorpusStage
{
    /// <summary>
    /// Profiles the verifier keeps, least recently used dropped first: a generated article's profile is some tens of
    /// kilobytes (generated 20k: peak RSS 492 → 566 MB with 2,048 kept, profiles read again 125,390 → 15,979). How many
    /// are needed grows with how many articles arrive a day, not with the store: a candidate is a report of the same
    /// story days earlier. At the 1M corpus's density (its first 150,000 articles, about 2,000 a day) 2,048 kept is
    /// about a day, and a part of 50,000 read 135,000–171,000 profiles again (a store read and a profile build each, a
    /// third of the stage's CPU); 8,192 kept read 9,000–24,000, and the stage's CPU fell 152 → 98 s over the three
    /// parts, peak RSS 1,014 MB (docs/benchmarks.md, "Profiles kept at a million's density").
    /// </summary>
    private const int KeptProfiles = 8192;

    /// <summary>Candidate pairs tested on every core at once: enough to keep the cores busy, few enough that the profiles they hold stay small.</summary>
    private const int VerifyChunk = 512;

    /// <summary>Aligned passages kept as evidence per relation: enough to check side by side; more only costs memory at scale.</summary>
    private const int MaxEvidence = 12;

    /// <inheritdoc/>
    public string Name => "provenance";

    /// <inheritdoc/>
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var records = ProvenanceRecord.In(context.LinkState);
        var search = new CandidateIndex(context.LinkState, context.CandidateShards);
        var verifier = new Verifier(context.Corpus, records, context.LinkState.Kept<Profiles>());
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var headlines = new HeadlineDays(context.LinkState);
        var commonNames = new CommonNames(context.LinkState);
        var furniture = new SiteFurniture(context.LinkState);
        var batch = new List<(ProvenanceRecord Record, CandidateKeys Keys, ArrivalCounts Counts)>(SearchBatch);
        // The batch whose search is under way, and the search (on the shards, while this thread verifies the batch
        // before; here, done at once).
        List<(ProvenanceRecord Record, CandidateKeys Keys, ArrivalCounts Counts)>? searched = null;
        Task<long[][]>? searching = null;
        // Documents in arrival order, each against those before it (in this run or any earlier one): the candidates a
        // document gets never depend on what arrives after it. They are searched for in batches, each document still
        // against the batch's earlier ones, so that sharded postings cost a round trip per batch, not per document;
        // the pairs are verified batch after batch, in the order one pass over all of them would take.
        // Profiling a document (its MinHash most of all) reads nothing but the document: done on every core, a chunk of
        // documents at a time, while this thread makes the keys in arrival order. The profile has the wording too, and
        // the verifier keeps it: the document's own candidate pairs are verified after its batch's search, and its
        // profile is not read and built again for them.
        // The headlines of a search batch's documents are looked up in one read, not one read a document on this thread.
        foreach (var chunk in OrderedParallel.Map(context.Fresh, item => (item.Document, item.Analysis, Profile: TextProfile.Build(item.Document, wording: true))).Chunk(SearchBatch))
        {
            headlines.Prefetch(chunk.Select(item => item.Document.Title));
            commonNames.Prefetch(chunk.Select(item => (item.Document.Language, item.Profile)));
            furniture.Prefetch(chunk.Select(item => (SiteFurniture.SiteOf(item.Document), item.Profile)));
            foreach (var (document, analysis, profile) in chunk)
            {
                var key = LinkCodec.DocumentKey(document.Id);
                var record = new ProvenanceRecord(DocumentSummary.Of(document, analysis, strings, headlines)) { Cites = CollectCitations(document, analysis) };
                headlines.Add(document.Title, record.Summary.Published);
                records.Set(key, record);
                verifier.Keep(key, profile);
                // The document's names that are common in its language and its lines that are its site's furniture, as
                // of its arrival: its pairs are judged with them, so what arrives after it never changes how it is read.
                batch.Add((record, search.Keys(profile, key), new ArrivalCounts(commonNames.Count(document.Language, profile), furniture.Count(SiteFurniture.SiteOf(document), profile))));
                if (batch.Count == SearchBatch) Next();
            }
        }
        Next();
        Next();

        // Takes the last search's pairs, starts the search of the batch gathered since, then verifies the pairs: the
        // shards' round trip overlaps this thread's verification.
        void Next()
        {
            var pairs = new List<(ProvenanceRecord Later, long Earlier, ArrivalCounts Counts)>();
            if (searching is not null)
            {
                var found = searching.GetAwaiter().GetResult();
                for (var i = 0; i < searched!.Count; i++)
                    foreach (var other in found[i]) pairs.Add((searched[i].Record, other, searched[i].Counts));
            }
            (searched, searching) = (null, null);
            if (batch.Count > 0)
            {
                searched = batch;
                batch = new List<(ProvenanceRecord Record, CandidateKeys Keys, ArrivalCounts Counts)>(SearchBatch);
                var keys = searched.Select(b => b.Keys).ToArray();
                // The index's own state is touched by one search at a time and by this thread's Keys only through the
                // arrival count, which the search does not read; a local index searches here, on the stage's thread.
                searching = context.CandidateShards is null ? Task.FromResult(search.Add(keys)) : Task.Run(() => search.Add(keys));
            }
            verifier.Verify(pairs);
        }
    }

    /// <summary>Documents whose candidates are searched for at once.</summary>
    private const int SearchBatch = 128;

    /// <summary>The record of a document the stage has seen (this run or before).</summary>
    internal static ProvenanceRecord Record(LinkSpace<ProvenanceRecord> records, string id) =>
        records.TryGet(LinkCodec.DocumentKey(id), out var record) ? record : throw new InvalidOperationException($"document {id} was never linked");

    /// <summary>
    /// The profiles the verifier keeps, least recently used dropped first (<see cref="KeptProfiles"/>), and its clock of
    /// uses. Profiles are rebuilt from the store when not kept: memory stays that of the compact per-document records and
    /// the profiles last used, not the corpus. A document's candidates are mostly the reports of its story that came
    /// shortly before it, and each of them is a candidate of several later ones: the profiles used last are kept
    /// (generated 20k: 177,217 candidate pairs; with the last 256 earlier documents kept, cleared when full, 125,390
    /// profiles were read and built again, 15,979 with these kept). Kept from one part of a relink to the next
    /// (<see cref="LinkState.Kept{T}"/>): the first documents of a part are candidates of the last ones of the part
    /// before, whose profiles each part after the first read and built again (generated 60k in parts of 5,000: 2,711 a
    /// part, 89 MB allocated). A profile depends on its document alone, so a kept one is the one a rebuild would make.
    /// </summary>
    private sealed class Profiles
    {
        public Dictionary<long, (TextProfile? Profile, long Used)> Kept { get; } = [];

        public long Clock { get; set; }
    }

    /// <summary>
    /// Verifies candidate pairs, given in the order of their later document, batch after batch: what it keeps between
    /// batches (the profiles last used) makes the batches one pass.
    /// </summary>
    private sealed class Verifier(ICorpusReader corpus, LinkSpace<ProvenanceRecord> records, Profiles kept)
    {
        private readonly Dictionary<long, (TextProfile? Profile, long Used)> _kept = kept.Kept;

        /// <summary>Keeps the profile of a document just read (built with its wording), for the pairs it will be in.</summary>
        public void Keep(long key, TextProfile profile)
        {
            _kept[key] = (profile, ++kept.Clock);
            Trim();
        }

        // Drops the least recently used quarter when more than KeptProfiles are kept.
        private void Trim()
        {
            if (_kept.Count <= KeptProfiles) return;
            var used = new long[_kept.Count];
            var i = 0;
            foreach (var (_, value) in _kept) used[i++] = value.Used;
            Array.Sort(used);
            var cut = used[_kept.Count - KeptProfiles * 3 / 4];
            foreach (var (key, value) in _kept)
                if (value.Used < cut) _kept.Remove(key);
        }

        public void Verify(List<(ProvenanceRecord Later, long Earlier, ArrivalCounts Counts)> pairs)
        {
            if (pairs.Count == 0) return;
            records.Prefetch(pairs.Select(p => p.Earlier));
            for (var start = 0; start < pairs.Count; start += VerifyChunk)
                Verify(pairs, start, Math.Min(pairs.Count, start + VerifyChunk));
        }

        // Loading a pair's profiles (a store read and a profile build per document) and testing it read nothing that
        // the chunk changes, and they are most of the stage's time: both are done on every core, the documents the
        // chunk needs loaded once each. Only gathering the pairs and recording neighbours and derivations stay on this
        // thread, in the pairs' order, as one pass would.
        private void Verify(List<(ProvenanceRecord Later, long Earlier, ArrivalCounts Counts)> pairs, int start, int end)
        {
            var earliers = new ProvenanceRecord?[end - start];
            var profiles = new Dictionary<long, TextProfile?>();
            var missing = new List<(long Key, string Id)>();
            for (var i = start; i < end; i++)
            {
                var (later, earlierKey, _) = pairs[i];
                if (!records.TryGet(earlierKey, out var earlier)) continue;
                earliers[i - start] = earlier;
                Need(LinkCodec.DocumentKey(later.Summary.Id), later.Summary.Id);
                Need(earlierKey, earlier.Summary.Id);
            }
            var loaded = new TextProfile?[missing.Count];
            Parallel.For(0, missing.Count, k => loaded[k] = Load(corpus, missing[k].Id));
            for (var k = 0; k < missing.Count; k++) profiles[missing[k].Key] = loaded[k];
            var clock = ++kept.Clock;
            foreach (var (key, profile) in profiles) _kept[key] = (profile, clock);
            Trim();

            var derivations = new VerifiedDerivation?[end - start];
            Parallel.For(0, derivations.Length, i =>
            {
                if (earliers[i] is not { } earlier) return;
                var later = pairs[start + i].Later;
                if (profiles[LinkCodec.DocumentKey(later.Summary.Id)] is not { } laterProfile || profiles[pairs[start + i].Earlier] is not { } earlierProfile) return;
                derivations[i] = ProvenanceLinker.Verify(later.Summary, laterProfile, earlier.Summary, earlierProfile, pairs[start + i].Counts);
            });
            for (var i = start; i < end; i++)
            {
                if (earliers[i - start] is not { } earlier) continue;
                var (later, earlierKey, _) = pairs[i];
                later.Neighbours.Add((earlier.Summary.Id, earlier.Summary.Outlet));
                earlier.Neighbours.Add((later.Summary.Id, later.Summary.Outlet));
                records.Set(earlierKey, earlier);
                if (derivations[i - start] is not { } derivation) continue;
                var from = derivation.Relation.From == later.Summary.Id ? later : earlier;
                from.Derived.Add(derivation);
                later.Partners.Add(earlier.Summary.Id);
                earlier.Partners.Add(later.Summary.Id);
            }

            void Need(long key, string id)
            {
                if (profiles.ContainsKey(key)) return;
                if (_kept.TryGetValue(key, out var known)) profiles[key] = known.Profile;
                else
                {
                    profiles[key] = null;
                    missing.Add((key, id));
                }
            }
        }
    }

    private static TextProfile? Load(ICorpusReader corpus, string id)
    {
        var document = corpus.FindDocument(id);
        return document is null ? null : TextProfile.Build(document, signature: false);
    }

    /// <summary>Decides whether two documents are derived one from the other, how, and which way; null when independent.</summary>
    internal static Relation? Judge(DocumentSummary a, TextProfile pa, DocumentSummary b, TextProfile pb) => Verify(a, pa, b, pb, default)?.Relation;

    /// <summary>
    /// Verifies a pair; <paramref name="counts"/> are what the pages up to the later document say of its words: its
    /// names that are common in its language (<see cref="CommonNames"/>), which state no fact of either page, and its
    /// lines that are its site's furniture (<see cref="SiteFurniture"/>), which are no one's wording: they are not
    /// aligned on either side.
    /// </summary>
    private static VerifiedDerivation? Verify(DocumentSummary a, TextProfile pa, DocumentSummary b, TextProfile pb, ArrivalCounts counts)
    {
        var common = counts.CommonNames;
        var identical = pa.BodyHash == pb.BodyHash && pa.WordCount == pb.WordCount;
        if (!identical && FarApart(a, b)) return null;
        var translation = IsTranslation(a.Language, b.Language);
        // A copy or rewrite keeps some of its source's word sequences; independent reports of one event, or two
        // reports written from one template, share facts or frames but almost no 5-word run (ECB+: two browser
        // patches five years apart, two agencies' reports of one quake). Translations share none by nature; nor does a
        // spun paraphrase, which instead keeps the source's order sentence by sentence (see IsParaphrase below).
        var fiveGrams = identical || translation ? 1.0 : TextProfile.SharedFiveGrams(pa, pb);
        if (!identical && !translation && CannotBeTaken(pa, pb, fiveGrams)) return null;
        var skipA = SiteFurniture.Mark(pa, counts.Furniture);
        var skipB = SiteFurniture.Mark(pb, counts.Furniture);
        var alignment = SentenceAligner.Align(pa, pb, translation, skipA, skipB);
        var aligned = alignment.Pairs.Count;
        // Furniture is no part of either text: it counts in neither side's length.
        var smaller = Math.Min(Readable(pa, skipA), Readable(pb, skipB));
        if (aligned == 0 || smaller == 0) return null;
        var coverage = aligned / (double)smaller;
        // Independent reports of one event share its facts (names, figures, the quote) and so align on the sentences
        // that state them; what they do not share is wording. Only passages that share the writer's own words (not
        // names or numbers) and are not quoted speech on both sides count as taken text. Across languages the words
        // differ, so a translation counts every aligned passage.
        var taken = translation ? aligned : CountTaken(alignment, pa, pb, common);
        var aAttributes = Attributes(a, pa, b);
        var bAttributes = Attributes(b, pb, a);
        // A rewrite keeps a quarter or more of the shorter text in order (paraphrased passages count towards that), and
        // at least three of its passages keep the source's own wording; two suffice over half the shorter text when it
        // is short, or when one page names the other's outlet (see SaysTaken).
        var derived = identical || (taken >= 3 && coverage >= 0.25) || SaysTaken(taken, smaller, coverage, aAttributes || bAttributes);
        if (!derived || (fiveGrams < MinSharedFiveGrams && !IsParaphrase(aligned, taken))) return null;
        // One template, two events: the aligned sentences read alike but their figures differ ("revenue fell 10.8% to
        // €8.57 billion" / "fell 4.5% to €9.69 billion"). A copy keeps its source's figures; a follow-up that updates
        // them is a new report, not a copy.
        if (!identical && !translation && FiguresDisagree(alignment, pa, pb)) return null;
        // Two events in one place: the pages share a few lines of its background (its mayor, a standing concern) and
        // each states its own event's figures in sentences the other lacks.
        if (!identical && !translation && FiguresLeftOut(alignment, pa, pb, skipA, skipB)) return null;

        var kind = translation ? RelationKind.Translation
            : identical || alignment.MeanSimilarity >= 0.85 ? RelationKind.Copy
            : RelationKind.Rewrite;
        // One agency's own reports that read alike in other words or in another language are each its desk's writing:
        // a language service writes its own report of the event, and the desk's next report of one kind comes from the
        // same template (generated 20k: 54 such pairs were derivations, none of them gold's). A near copy is the
        // report's own update and stays derived.
        if (!identical && kind != RelationKind.Copy && a.Outlet is { } outlet && outlet == b.Outlet && OwnReport(a, pa) && OwnReport(b, pb)) return null;
        var aIsDerived = IsDerived(a, b, aAttributes, bAttributes, alignment, pa, pb);
        // An agency's own report (its dateline names the page's outlet) is where its text starts: agencies write their
        // copy and credit what they take. Uncredited, it is no other outlet's derivation: two agencies' own reports are
        // independent, and a page of another outlet that reads alike took from the report, unless it came out first.
        if (!aAttributes && !bAttributes && DifferentOutlets(a, b))
        {
            var aOwn = OwnReport(a, pa);
            var bOwn = OwnReport(b, pb);
            if (aOwn && bOwn) return null;
            if (aOwn != bOwn)
            {
                if (aOwn == aIsDerived && (a.Published, b.Published) is ({ } pubA, { } pubB) && (aOwn ? pubB.Latest < pubA.Earliest : pubA.Latest < pubB.Earliest)) return null;
                aIsDerived = bOwn;
            }
        }
        var (from, to) = aIsDerived ? (a, b) : (b, a);
        if (kind == RelationKind.Copy && (Credits(from, to) || DifferentOutlets(from, to))) kind = RelationKind.Syndication;
        var score = identical ? 1.0 : Math.Clamp(0.5 * Math.Min(1.0, coverage) + 0.5 * alignment.MeanSimilarity, 0, 1);
        var evidence = new List<AlignedPassage>(Math.Min(aligned, MaxEvidence));
        for (var i = 0; i < aligned && i < MaxEvidence; i++)
        {
            var pair = alignment.Pairs[i];
            var sa = pa.Sentences[pair.A];
            var sb = pb.Sentences[pair.B];
            var spanA = new TextSpan(pa.DocumentId, sa.Start, sa.End).WithExcerpt(pa.Text);
            var spanB = new TextSpan(pb.DocumentId, sb.Start, sb.End);
            // Copied passages read the same on both sides: one excerpt string for both halves the evidence's memory.
            spanB = pb.Text.AsSpan(sb.Start, sb.End - sb.Start).SequenceEqual(spanA.Excerpt) ? spanB with { Excerpt = spanA.Excerpt } : spanB.WithExcerpt(pb.Text);
            evidence.Add(aIsDerived ? new AlignedPassage(spanA, spanB) : new AlignedPassage(spanB, spanA));
        }
        var relation = new Relation
        {
            From = from.Id,
            To = to.Id,
            Kind = kind,
            Score = Math.Round(score, 4),
            Evidence = evidence,
        };
        var droppedA = Dropped(pa, alignment, sideA: true, skipA);
        var droppedB = Dropped(pb, alignment, sideA: false, skipB);
        var unalignedA = Unexplained(pa, droppedA, a, b);
        var unalignedB = Unexplained(pb, droppedB, b, a);
        var sameTitle = pa.TitleHash != 0 && pa.TitleHash == pb.TitleHash;
        return aIsDerived
            ? Derivation(relation, aAttributes, unalignedA, unalignedB, [.. alignment.Pairs.Select(p => p.A).Order()], droppedB, CarriedCredit(pa, pb, b), sameTitle, Verbatim(pa, pb, a))
            : Derivation(relation, bAttributes, unalignedB, unalignedA, [.. alignment.Pairs.Select(p => p.B).Order()], droppedA, CarriedCredit(pb, pa, a), sameTitle, Verbatim(pb, pa, b));

        static VerifiedDerivation Derivation(Relation relation, bool attributed, int unalignedDerived, int unalignedSource, int[] aligned, int[] dropped,
            (string Outlet, int Sentence)? carried, bool sameTitle, int[] verbatim) =>
            new(relation, attributed, unalignedDerived, unalignedSource, aligned, dropped, carried?.Outlet, carried?.Sentence ?? -1, sameTitle, verbatim);
    }

    /// <summary>
    /// Whether two texts of one language, not identical, cannot be found derived whatever their alignment, from counts
    /// alone: an exact bound checked before the alignment, which is most of a pair's cost. A taken passage pairs two
    /// sentences with <see cref="MinSharedWording"/> wording words or more each, one sentence a side, so the taken
    /// passages are at most the fewer such sentences of either side; a derivation needs two (<see cref="SaysTaken"/>),
    /// and under the 5-gram floor a paraphrase, which needs ten aligned passages (at most the fewer sentences) and five
    /// taken (<see cref="IsParaphrase"/>).
    /// </summary>
    internal static bool CannotBeTaken(TextProfile pa, TextProfile pb, double fiveGrams)
    {
        var worded = Math.Min(WordedSentences(pa), WordedSentences(pb));
        if (worded < 2) return true;
        if (fiveGrams >= MinSharedFiveGrams) return false;
        var sentences = Math.Min(Math.Min(pa.Sentences.Count, pb.Sentences.Count), SentenceAligner.MaxSentences);
        return !IsParaphrase(sentences, worded);
    }

    /// <summary>Sentences the aligner reads that have enough wording of their own to be a taken passage.</summary>
    private static int WordedSentences(TextProfile profile)
    {
        var count = 0;
        for (var i = 0; i < profile.Sentences.Count && i < SentenceAligner.MaxSentences; i++)
            if (profile.Sentences[i].Wording.Length >= MinSharedWording) count++;
        return count;
    }

    /// <summary>
    /// How many of one side's sentences without a partner (<see cref="Dropped"/>) do not name an outlet (the
    /// page's own, the other page's, or one it credits): "Source: X", "Sign up for the day's news from Y" are page
    /// furniture and credit lines that republishers write from shared templates, so a sibling copy carrying the same
    /// line would otherwise explain a page better than the page it was taken from.
    /// </summary>
    internal static int Unexplained(TextProfile profile, int[] dropped, DocumentSummary self, DocumentSummary other)
    {
        var count = 0;
        foreach (var i in dropped)
        {
            var sentence = profile.Sentences[i];
            if (!NamesOutlet(profile, sentence.Start, sentence.End, self, other)) count++;
        }
        return count;
    }

    /// <summary>
    /// The sentences of <paramref name="derived"/> (those the aligner reads) that <paramref name="source"/> has word for
    /// word, ascending, leaving out those with little wording of their own, quoted speech and lines naming the derived
    /// page's outlet or one it credits: what a writer wrote and the page took, not what every report of the event or the
    /// page's own template lines carry. Only the page's own outlets are looked for, so that the same sentence counts
    /// alike against every candidate source.
    /// </summary>
    internal static int[] Verbatim(TextProfile derived, TextProfile source, DocumentSummary self)
    {
        var written = source.Wording;
        var hashes = derived.WordingHashes;
        var verbatim = new List<int>();
        for (var i = 0; i < derived.Sentences.Count && i < SentenceAligner.MaxSentences; i++)
        {
            var sentence = derived.Sentences[i];
            if (sentence.Quoted || sentence.Wording.Length < MinSharedWording || !written.Contains(hashes[i])) continue;
            if (!NamesOwnOutlet(derived, sentence.Start, sentence.End, self)) verbatim.Add(i);
        }
        return [.. verbatim];
    }

    /// <summary>
    /// The sentences of one side (those the aligner reads) that the alignment leaves without a partner, ascending; its
    /// site's furniture (<paramref name="furniture"/>) is not the page's text and is left out.
    /// </summary>
    internal static int[] Dropped(TextProfile profile, Alignment alignment, bool sideA, bool[]? furniture = null)
    {
        var n = Math.Min(profile.Sentences.Count, SentenceAligner.MaxSentences);
        var aligned = new bool[n];
        foreach (var pair in alignment.Pairs) aligned[sideA ? pair.A : pair.B] = true;
        var dropped = new List<int>();
        for (var i = 0; i < n; i++)
            if (!aligned[i] && furniture?[i] != true) dropped.Add(i);
        return [.. dropped];
    }

    /// <summary>The sentences of a profile the aligner reads, less its site's furniture (<paramref name="furniture"/>).</summary>
    private static int Readable(TextProfile profile, bool[]? furniture)
    {
        var n = Math.Min(profile.Sentences.Count, SentenceAligner.MaxSentences);
        if (furniture is null) return n;
        foreach (var marked in furniture)
            if (marked) n--;
        return n;
    }

    private static bool NamesOutlet(TextProfile profile, int start, int end, DocumentSummary self, DocumentSummary other) =>
        NamesOwnOutlet(profile, start, end, self) || (other.Outlet is { } theirs && OutletNames.Mentioned(profile, start, end, theirs));

    /// <summary>Whether the sentence from <paramref name="start"/> to <paramref name="end"/> of a profiled text names the page's own outlet or one it credits.</summary>
    private static bool NamesOwnOutlet(TextProfile profile, int start, int end, DocumentSummary self)
    {
        if (self.Outlet is { } own && OutletNames.Mentioned(profile, start, end, own)) return true;
        foreach (var credited in self.CreditedOutlets)
            if (OutletNames.Mentioned(profile, start, end, credited)) return true;
        return false;
    }

    /// <summary>
    /// The weaker test of taken text: two passages with the source's own wording, over half the shorter text, when that
    /// text is short (four sentences or fewer) or when one page names the other's outlet. A desk rewrite rewords most
    /// sentences and often says whose report it rewrote ("X first reported the news", "X contributed to this report"): the
    /// credit is evidence of its own, so it needs less of the wording kept. Independent reports of one event that name
    /// each other's outlet keep one worded passage or none, or align on under half the shorter text: on the generated
    /// corpus's look part (2,000 articles), of the candidate pairs that fell short of three taken passages and where one
    /// page names the other's outlet, 21 of 28 rewrites pass and 0 of 62 pairs of independent reports.
    /// </summary>
    internal static bool SaysTaken(int taken, int smaller, double coverage, bool attributed) =>
        taken >= 2 && coverage >= 0.5 && (smaller <= 4 || attributed);

    /// <summary>
    /// Whether <paramref name="derived"/> says it took <paramref name="source"/>'s text: it credits the source's outlet,
    /// or names it in its text ("(AP)", "This article first appeared on …"), the source being of another outlet.
    /// </summary>
    private static bool Attributes(DocumentSummary derived, TextProfile profile, DocumentSummary source) =>
        Credits(derived, source) || (source.Outlet is { } outlet && outlet != derived.Outlet && OutletNames.Mentioned(profile, 0, profile.Text.Length, outlet));

    /// <summary>
    /// The outlet a credit line of <paramref name="source"/> names (one of its credited outlets other than its own) when
    /// the derived page repeats that line word for word. A page that repeats its source's "Source: X" line may have
    /// taken that page rather than X's own, which has no such line. The ingest reads some credit lines as body
    /// ("Copyright 2024 X. All rights reserved.", "This story was originally published by X …"): failing a line outside
    /// the body, the last body sentence of the derived page that the source has word for word and that names such an
    /// outlet is taken, with its index (-1 for a line outside the body), since X's own page may have that sentence too (a
    /// dateline "(X)" opens every copy): <see cref="ProvenanceLinks"/> then asks whether X's page lacks it. Credit
    /// lines close a page, so the last is taken. Null when there is none.
    /// </summary>
    private static (string Outlet, int Sentence)? CarriedCredit(TextProfile derived, TextProfile sourceProfile, DocumentSummary source)
    {
        if (source.CreditedOutlets.Count == 0) return null;
        foreach (var line in derived.LinesOutsideBody)
        {
            if (!sourceProfile.LinesOutsideBody.Contains(line)) continue;
            if (CreditedBeside(source, outlet => OutletNames.Mentioned(line, outlet)) is { } outlet) return (outlet, -1);
        }
        var written = sourceProfile.Wording;
        var hashes = derived.WordingHashes;
        for (var i = Math.Min(derived.Sentences.Count, SentenceAligner.MaxSentences) - 1; i >= 0; i--)
        {
            if (!written.Contains(hashes[i])) continue;
            var sentence = derived.Sentences[i];
            if (CreditedBeside(source, outlet => OutletNames.Mentioned(derived, sentence.Start, sentence.End, outlet)) is { } outlet) return (outlet, i);
        }
        return null;
    }

    /// <summary>The credited outlet of <paramref name="source"/>, other than its own, that a line <paramref name="names"/>; null when none.</summary>
    private static string? CreditedBeside(DocumentSummary source, Func<string, bool> names)
    {
        foreach (var outlet in source.CreditedOutlets)
            if (!(source.Outlet is { } own && OutletNames.Match(outlet, own)) && names(outlet)) return outlet;
        return null;
    }

    /// <summary>
    /// Days between two dated pages past which neither copied the other: news is republished, rewritten and translated
    /// while it is news, within hours or a day or two. Pages of one frame weeks apart are two events (the same quake
    /// report for another quake), however alike they read. A body reproduced whole is a copy whenever it was taken.
    /// </summary>
    internal const int MaxLagDays = 7;

    /// <summary>
    /// Whether the two pages' days are more than <see cref="MaxLagDays"/> apart. Only days the pages state count: a day read from an address (or a lower bound from the headlines a page names) orders two pages but never keeps them apart, since the
    /// other page's stated day may be misread ("11/09/2010", month first, on a page whose address says September: ecb-dev
    /// lost a syndication that way).
    /// </summary>
    private static bool FarApart(DocumentSummary a, DocumentSummary b) =>
        !a.Undated && !b.Undated && a.Published is { } x && b.Published is { } y &&
        (x.Earliest.DayNumber - y.Latest.DayNumber > MaxLagDays || y.Earliest.DayNumber - x.Latest.DayNumber > MaxLagDays);

    /// <summary>Shared wording of an aligned pair (common non-name, non-number content words) above which it is taken text.</summary>
    internal const int MinSharedWording = 3;

    /// <summary>Share of the shorter text's word 5-grams that a same-language derivation must keep, unless it is a paraphrase.</summary>
    internal const double MinSharedFiveGrams = 0.05;

    /// <summary>
    /// A spun paraphrase (content-farm rewriting, synonyms for every word) keeps no 5-word run but follows its source
    /// sentence by sentence: ten or more passages aligned in order, five of them with shared wording of their own. On
    /// ecb-dev no pair of independent reports under the 5-gram floor reaches that (the most: 11 aligned, 4 worded).
    /// </summary>
    internal static bool IsParaphrase(int aligned, int taken) => aligned >= 10 && taken >= 5;

    /// <summary>
    /// Aligned pairs that show taken text: at least <see cref="MinSharedWording"/> shared wording words making a set cosine
    /// of 0.3 or more, and not quoted speech on both sides (a quote is verbatim in every report that carries it).
    /// </summary>
    internal static int CountTaken(Alignment alignment, TextProfile pa, TextProfile pb, IReadOnlySet<ulong>? common = null)
    {
        var taken = 0;
        foreach (var pair in alignment.Pairs)
        {
            var sa = pa.Sentences[pair.A];
            var sb = pb.Sentences[pair.B];
            if (sa.Quoted && sb.Quoted) continue;
            // The same frame with other facts is the genre, not a copy ("X rose 3% to 120" / "Y fell 2% to 80"): when
            // both sentences state names or figures, they must mostly agree.
            // A language's common nouns (German capitalises them all: Brand, Feuerwehr, Toten) are in every report of
            // the kind and state no fact that tells two events apart: they do not count (generated 20k: two German
            // fires' reports of one template with the same toll agreed on them beside two towns).
            if (!FactsAgree(sa.Anchors, sb.Anchors, common)) continue;
            var shared = 0;
            foreach (var word in sa.Wording)
                if (Array.IndexOf(sb.Wording, word) >= 0) shared++;
            if (shared >= MinSharedWording && shared >= 0.3 * Math.Sqrt((double)sa.Wording.Length * sb.Wording.Length)) taken++;
        }
        return taken;
    }

    /// <summary>
    /// Whether the aligned sentences that both state figures mostly state different ones: a third or more of them share
    /// no number at all, or two or more and at least half state, each side, a number the other does not. A copy keeps
    /// its source's figures and a rewrite may drop some or, here and there, give a newer one or merge two sentences
    /// ("more than 100 mph" / "up to 120 mph"; ages beside another sentence's hour: ecb-dev); one template filled for
    /// two events puts other numbers in most of its figure sentences, while the
    /// frame's constant figures stay alike ("Rund 110 Feuerwehrleute mit 7 Fahrzeugen kämpften 3 Stunden" / "Rund 75 …
    /// mit 7 … 10 Stunden": a shared 7, yet two fires; generated 20k: German fire and quake reports of two events
    /// were copies of each other).
    /// </summary>
    internal static bool FiguresDisagree(Alignment alignment, TextProfile pa, TextProfile pb)
    {
        int both = 0, disjoint = 0, replaced = 0;
        foreach (var pair in alignment.Pairs)
        {
            var fa = pa.Sentences[pair.A].Figures;
            var fb = pb.Sentences[pair.B].Figures;
            if (fa.Length == 0 || fb.Length == 0) continue;
            both++;
            if (!SharesFigure(fa, fb)) disjoint++;
            if (HasFigureBeyond(fa, fb) && HasFigureBeyond(fb, fa)) replaced++;
        }
        return (disjoint > 0 && 3 * disjoint >= both) || (replaced >= 2 && 2 * replaced >= both);
    }

    /// <summary>
    /// Whether the pages share at most <see cref="MaxBackgroundPassages"/> aligned passages, none of which states a figure
    /// on either side, while both pages state figures elsewhere: what they share is a place's or a genre's background
    /// (the town's mayor "declared a day of mourning", "fire safety in older buildings has been a recurring issue",
    /// "police said it was too early to say what started the fire"), and each states its own event's
    /// toll, hour and evacuees in sentences the other lacks. A copy or a rewrite that takes so little takes the facts
    /// it reports. Furniture (<paramref name="skipA"/>, <paramref name="skipB"/>) states nothing of either page.
    /// </summary>
    internal static bool FiguresLeftOut(Alignment alignment, TextProfile pa, TextProfile pb, bool[]? skipA, bool[]? skipB)
    {
        if (alignment.Pairs.Count > MaxBackgroundPassages || !StatesFigures(pa, skipA) || !StatesFigures(pb, skipB)) return false;
        foreach (var pair in alignment.Pairs)
            if (pa.Sentences[pair.A].Figures.Length > 0 || pb.Sentences[pair.B].Figures.Length > 0) return false;
        return true;
    }

    /// <summary>
    /// Aligned passages up to which a pair without a figure in them is read as shared background
    /// (<see cref="FiguresLeftOut"/>). Generated 20k, look part: two fires' reports of one town align on four (the
    /// background's three lines and the fire chief's words). With five, or with no bound, ecb-dev lost a real rewrite
    /// (152 derivations → 151; with none, a celebrity's statement to a magazine, seven passages of quoted speech without
    /// a number); asking for an aligned pair with figures on both sides instead of either lost 16.
    /// </summary>
    internal const int MaxBackgroundPassages = 4;

    private static bool StatesFigures(TextProfile profile, bool[]? furniture)
    {
        for (var i = 0; i < profile.Sentences.Count && i < SentenceAligner.MaxSentences; i++)
            if (furniture?[i] != true && profile.Sentences[i].Figures.Length > 0) return true;
        return false;
    }

    /// <summary>Whether <paramref name="figures"/> and <paramref name="other"/> have a number in common.</summary>
    private static bool SharesFigure(ulong[] figures, ulong[] other)
    {
        foreach (var f in figures)
            if (Array.IndexOf(other, f) >= 0) return true;
        return false;
    }

    /// <summary>Whether <paramref name="figures"/> holds a number that <paramref name="other"/> does not.</summary>
    private static bool HasFigureBeyond(ulong[] figures, ulong[] other)
    {
        foreach (var f in figures)
            if (Array.IndexOf(other, f) < 0) return true;
        return false;
    }

    /// <summary>
    /// Whether two aligned sentences state the same facts: true when either states none (a rewrite may drop a figure:
    /// "3,000kg glide bombs" → "large glide bombs"), else when at least half the anchors of the sparser one (names and
    /// numbers) are in the other. Anchors in <paramref name="common"/> (a language's common nouns) are no facts.
    /// </summary>
    internal static bool FactsAgree(ulong[] a, ulong[] b, IReadOnlySet<ulong>? common = null)
    {
        var na = Specific(a, common);
        var nb = Specific(b, common);
        if (na == 0 || nb == 0) return true;
        var (small, large, count) = na <= nb ? (a, b, na) : (b, a, nb);
        var shared = 0;
        foreach (var anchor in small)
            if (common?.Contains(anchor) != true && Array.IndexOf(large, anchor) >= 0) shared++;
        return 2 * shared >= count;
    }

    /// <summary>The anchors of <paramref name="anchors"/> that are not in <paramref name="common"/>.</summary>
    private static int Specific(ulong[] anchors, IReadOnlySet<ulong>? common)
    {
        if (common is null) return anchors.Length;
        var count = 0;
        foreach (var anchor in anchors)
            if (!common.Contains(anchor)) count++;
        return count;
    }

    /// <summary>
    /// Whether <paramref name="a"/> is the derived one: a credit line or a mention naming the other's outlet decides, then known
    /// publication dates, then information loss (the derived text drops names and figures), then length, then id.
    /// </summary>
    private static bool IsDerived(DocumentSummary a, DocumentSummary b, bool aAttributes, bool bAttributes, Alignment alignment, TextProfile pa, TextProfile pb)
    {
        if (aAttributes != bAttributes) return aAttributes;
        var da = a.Published;
        var db = b.Published;
        if (da is { } x && db is { } y)
        {
            if (x.Latest < y.Earliest) return false;
            if (y.Latest < x.Earliest) return true;
        }
        if (alignment.SpecificsOnlyA != alignment.SpecificsOnlyB) return alignment.SpecificsOnlyA < alignment.SpecificsOnlyB;
        if (pa.WordCount != pb.WordCount) return pa.WordCount < pb.WordCount;
        return string.CompareOrdinal(a.Id, b.Id) > 0;
    }

    /// <summary>
    /// Whether <paramref name="profile"/> is its outlet's own report: one of its first three body sentences opens with a
    /// wire dateline whose agency names the page's outlet ("KESSFORD (AP) – " on the Associated Press's page). A copy
    /// elsewhere keeps the dateline but not the outlet, so it is not.
    /// </summary>
    private static bool OwnReport(DocumentSummary summary, TextProfile profile)
    {
        if (summary.Outlet is not { } outlet) return false;
        for (var i = 0; i < profile.Sentences.Count && i < 3; i++)
        {
            var sentence = profile.Sentences[i];
            var dateline = TextMetadataExtractor.Dateline(profile.Text, sentence.Start, sentence.End - sentence.Start);
            if (dateline.Success && dateline.Groups["agency"].Success)
                return LinkText.OutletKey(dateline.Groups["agency"].Value) is { Length: > 0 } agency && OutletNames.Match(agency, outlet);
        }
        return false;
    }

    /// <summary>True when <paramref name="derived"/> credits <paramref name="source"/>'s outlet as the origin of its content.</summary>
    private static bool Credits(DocumentSummary derived, DocumentSummary source)
    {
        if (source.Outlet is not { } outlet) return false;
        foreach (var credited in derived.CreditedOutlets)
            if (OutletNames.Match(credited, outlet)) return true;
        return false;
    }

    private static bool DifferentOutlets(DocumentSummary a, DocumentSummary b) =>
        a.Outlet is not null && b.Outlet is not null && a.Outlet != b.Outlet;

    private static bool IsTranslation(string a, string b) =>
        a != b && a != "und" && b != "und" && a.Length > 0 && b.Length > 0;

    private static List<Relation> CollectCitations(Document document, DocumentAnalysis analysis)
    {
        var cites = new List<Relation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (document.Origin is { Length: > 0 } origin)
        {
            var key = LinkText.OutletKey(origin);
            if (key.Length > 0 && seen.Add(key))
                cites.Add(new Relation { From = document.Id, ToOutlet = key, Kind = RelationKind.Cites, Score = 1.0 });
        }
        foreach (var citation in analysis.Citations)
        {
            var key = LinkText.OutletKey(citation.Outlet);
            if (key.Length == 0 || !seen.Add(key)) continue;
            cites.Add(new Relation
            {
                From = document.Id,
                ToOutlet = key,
                Kind = RelationKind.Cites,
                Score = citation.Credit ? 1.0 : 0.8,
                Evidence = [new AlignedPassage(citation.Span, citation.Span)],
            });
        }
        return cites;
    }
}
