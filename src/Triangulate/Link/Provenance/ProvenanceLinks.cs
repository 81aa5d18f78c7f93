using Triangulate.Model;

namespace Triangulate.Link.Provenance;

/// <summary>
/// The relations and independence groups of a set of documents (a story, or everything read when no story stage
/// follows), made from what the provenance stage recorded of each: nothing outside the set is looked at, so what is
/// said about one story never depends on another.
/// </summary>
internal static class ProvenanceLinks
{
    /// <summary>
    /// The relations among <paramref name="members"/> (one source per derived document, citations pointed at a member of
    /// the cited outlet), sorted, and each member's independence group.
    /// </summary>
    public static (List<Relation> Relations, List<(string Document, string Group)> Groups) Build(IReadOnlyList<string> members, Func<string, ProvenanceRecord> recordOf)
    {
        var inSet = new HashSet<string>(members, StringComparer.Ordinal);
        var records = new Dictionary<string, ProvenanceRecord>(members.Count, StringComparer.Ordinal);
        foreach (var id in members) records[id] = recordOf(id);
        var relations = new List<Relation>();
        var verified = new List<Relation>();
        foreach (var id in members)
        {
            var record = records[id];
            VerifiedDerivation? kept = null;
            foreach (var derivation in record.Derived)
            {
                if (derivation.Relation.To is not { } to || !inSet.Contains(to)) continue;
                verified.Add(derivation.Relation);
                if (kept is null || Better(derivation, kept, record.Summary, records)) kept = derivation;
            }
            if (kept is not null)
            {
                for (var step = 0; step < MaxRewordings && Rewording(record, kept, inSet, records) is { } page; step++) kept = page;
                relations.Add((Inheritor(record, kept, inSet, records) ?? CarrierOfCredit(record, kept, inSet, records) ?? kept).Relation);
            }
            foreach (var cite in record.Cites) relations.Add(PointAtMember(cite, record, inSet));
        }
        relations.Sort(CompareRelations);
        // Independence is judged on every verified derivation (a copy of two copies is one source with both), the
        // relations shown keep one source per derived document.
        var summaries = new List<DocumentSummary>(members.Count);
        foreach (var id in members) summaries.Add(records[id].Summary);
        return (relations, [.. IndependenceGrouper.Group(summaries, verified)]);
    }

    /// <summary>
    /// Keeps one source per derived document. Copies of one wire story verify against each other as well as against
    /// the wire's own page, and a clique of copies is not what happened: each was taken from one source. The kept one
    /// is the source the document credits beside its origin (<see cref="CreditsBesideOrigin"/>), else one it credits or
    /// names, else the one that explains most of it (fewest of its sentences unaligned: a copy of a copy keeps the
    /// intermediate's cuts and added lines), else the earliest published, else the best-aligned; the family (and so the
    /// independence group) stays the same, since every copy still reaches the source.
    /// </summary>
    private static bool Better(VerifiedDerivation candidate, VerifiedDerivation kept, DocumentSummary derived, Dictionary<string, ProvenanceRecord> records)
    {
        var credits = CreditsBesideOrigin(derived, records[candidate.Relation.To!].Summary);
        if (credits != CreditsBesideOrigin(derived, records[kept.Relation.To!].Summary)) return credits;
        if (candidate.Attributed != kept.Attributed) return candidate.Attributed;
        if (candidate.UnalignedDerived != kept.UnalignedDerived) return candidate.UnalignedDerived < kept.UnalignedDerived;
        var order = DateOrder(candidate, kept, records);
        if (order != 0) return order < 0;
        if (candidate.Relation.Score != kept.Relation.Score) return candidate.Relation.Score > kept.Relation.Score;
        return string.CompareOrdinal(candidate.Relation.To, kept.Relation.To) < 0;
    }

    /// <summary>
    /// A candidate that was itself taken from the chosen source and lacks sentences of it that the document lacks too:
    /// the page the document was taken from. A copy keeps its source's cuts, so a page taken from a partner's copy of a
    /// wire story misses what the partner cut; a page taken from the wire's own page has no reason to miss the same
    /// sentences. Only a candidate that the chosen one does not beat on anything else (credits, attribution, the
    /// document's sentences it leaves unexplained) is considered; the one sharing the most dropped sentences, then
    /// the better by <see cref="Better"/>, is kept. Null when none shares a cut. On the generated corpus's look part
    /// (2,000 articles) the wire was chosen for 66 pages whose gold source is a partner's page between wire and copy.
    /// </summary>
    private static VerifiedDerivation? Inheritor(ProvenanceRecord record, VerifiedDerivation kept, HashSet<string> inSet, Dictionary<string, ProvenanceRecord> records)
    {
        var source = kept.Relation.To!;
        var keptCredits = CreditsBesideOrigin(record.Summary, records[source].Summary);
        VerifiedDerivation? best = null;
        var bestShared = 0;
        foreach (var derivation in record.Derived)
        {
            if (ReferenceEquals(derivation, kept) || derivation.Relation.To is not { } to || !inSet.Contains(to)) continue;
            if ((derivation.Attributed != kept.Attributed && !CarriesCreditOf(derivation, kept, records)) || derivation.UnalignedDerived != kept.UnalignedDerived
                || CreditsBesideOrigin(record.Summary, records[to].Summary) != keptCredits) continue;
            foreach (var upstream in records[to].Derived)
            {
                if (upstream.Relation.To != source) continue;
                var shared = SharedCount(kept.Dropped, upstream.Dropped);
                if (shared > bestShared || (shared == bestShared && shared > 0 && Better(derivation, best!, record.Summary, records)))
                    (best, bestShared) = (derivation, shared);
            }
        }
        return best;
    }

    /// <summary>
    /// Whether the document names the kept source's outlet X through a credit line it repeats word for word from
    /// <paramref name="candidate"/>'s page ("Copyright 2024 X." on both) and carries the candidate's headline where X's page
    /// has another: the candidate took X's text, wrote its own headline and the credit line, and a page that copied the
    /// candidate's page carries both with the rest. The credit then says who wrote the text, not whose page was taken, and
    /// is no evidence against the candidate (<see cref="Inheritor"/> still asks for a shared cut). The headline is needed:
    /// licensees of one agency write credit lines from a few templates, so a licensee's own "Source: X" is often word for
    /// word another's (generated 2k, look part: with the credit line and a shared cut alone, derivations P / R 0.793 /
    /// 0.761 → 0.787 / 0.756).
    /// </summary>
    private static bool CarriesCreditOf(VerifiedDerivation candidate, VerifiedDerivation kept, Dictionary<string, ProvenanceRecord> records) =>
        kept.Attributed && !candidate.Attributed && candidate.SameTitle && !kept.SameTitle && candidate.CarriedCredit is { } carried
        && (candidate.CarriedSentence < 0 || Array.BinarySearch(kept.Aligned, candidate.CarriedSentence) < 0)
        && records[kept.Relation.To!].Summary.Outlet is { } outlet && OutletNames.Match(carried, outlet);

    /// <summary>Steps down a chain of pages (a rewrite of a rewrite of a wire story) that <see cref="Rewording"/> takes at most.</summary>
    private const int MaxRewordings = 3;

    /// <summary>
    /// A candidate that has, word for word, sentences of the document that the chosen source states in other words (they
    /// align with the source's, and are not the source's own), and every one of the document's sentences that the chosen
    /// source has word for word: the page the document took them from. A writer's own
    /// sentences are in no other report (independent reports and other rewrites word the facts their own way), so a
    /// document that repeats a rewrite's new wording, or the local paragraph it added, was taken from that rewrite and not
    /// from the page the rewrite was made from, whose outlet the document may still name in the rewrite's credit
    /// sentence it kept. The candidate must explain as many of the document's sentences as the chosen one; the one with
    /// the most such sentences, then the better by <see cref="Better"/>, is kept. Null when none has any.
    /// </summary>
    private static VerifiedDerivation? Rewording(ProvenanceRecord record, VerifiedDerivation kept, HashSet<string> inSet, Dictionary<string, ProvenanceRecord> records)
    {
        VerifiedDerivation? best = null;
        var bestOwn = 0;
        foreach (var derivation in record.Derived)
        {
            if (ReferenceEquals(derivation, kept) || derivation.Relation.To is not { } to || !inSet.Contains(to)) continue;
            if (derivation.UnalignedDerived > kept.UnalignedDerived || !IsSubset(kept.Verbatim, derivation.Verbatim)) continue;
            var own = Reworded(derivation.Verbatim, kept.Verbatim, kept.Aligned);
            if (own > bestOwn || (own == bestOwn && own > 0 && Better(derivation, best!, record.Summary, records))) (best, bestOwn) = (derivation, own);
        }
        return best;
    }

    /// <summary>
    /// How many of the ascending <paramref name="verbatim"/> are neither in <paramref name="keptVerbatim"/> nor outside
    /// <paramref name="keptAligned"/>: sentences that state what the kept source states, in another page's words.
    /// </summary>
    private static int Reworded(int[] verbatim, int[] keptVerbatim, int[] keptAligned)
    {
        var count = 0;
        foreach (var i in verbatim)
            if (Array.BinarySearch(keptVerbatim, i) < 0 && Array.BinarySearch(keptAligned, i) >= 0) count++;
        return count;
    }

    /// <summary>How many elements the ascending <paramref name="x"/> and <paramref name="y"/> have in common.</summary>
    private static int SharedCount(int[] x, int[] y)
    {
        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] < y[j]) i++;
            else if (x[i] > y[j]) j++;
            else { shared++; i++; j++; }
        }
        return shared;
    }

    /// <summary>
    /// For an undated document whose chosen source is the outlet its credit line names: the candidate whose page it
    /// took instead, when there is one. Licensed republishers date their pages; a page without a date (a scraper's, an
    /// aggregator's) that credits an agency may have copied another republisher's page, credit line and all. That is
    /// what happened when the document repeats a candidate's credit line naming that outlet word for word, the credited
    /// outlet's page has no such line, and the candidate explains every sentence the credited page explains: a copy
    /// cannot contain text its source lacks. The candidate that leaves the fewest of the document's sentences unexplained,
    /// then the earliest published, is kept. Null when the credited source stands.
    /// </summary>
    private static VerifiedDerivation? CarrierOfCredit(ProvenanceRecord record, VerifiedDerivation kept, HashSet<string> inSet, Dictionary<string, ProvenanceRecord> records)
    {
        if (!kept.Attributed || !record.Summary.Undated || records[kept.Relation.To!].Summary.Outlet is not { } credited) return null;
        VerifiedDerivation? carrier = null;
        foreach (var derivation in record.Derived)
        {
            if (derivation.CarriedCredit is not { } carried || derivation.Relation.To is not { } to || !inSet.Contains(to)) continue;
            if (!OutletNames.Match(carried, credited) || kept.CarriedCredit is { } own && OutletNames.Match(own, credited)) continue;
            // A credit sentence read as body that the credited page has too (a dateline naming the agency) is no
            // evidence: the document may have it from either page.
            if (derivation.CarriedSentence >= 0 && Array.BinarySearch(kept.Aligned, derivation.CarriedSentence) >= 0) continue;
            if (!IsSubset(kept.Aligned, derivation.Aligned)) continue;
            if (carrier is null || derivation.UnalignedDerived < carrier.UnalignedDerived
                || (derivation.UnalignedDerived == carrier.UnalignedDerived && Earlier(derivation, carrier, records))) carrier = derivation;
        }
        return carrier;
    }

    /// <summary>
    /// Whether <paramref name="derived"/> credits <paramref name="source"/>'s outlet other than as its origin. The origin
    /// is who wrote the text, often read from a dateline or trailer the page kept from the wire ("TOLVERA (HWS) —"); a
    /// second credit ("Source: The X Herald") says whose page it was taken from: a partner's copy of that wire. On the
    /// generated corpus's look part (2,000 articles), 11 syndications that credited their partner were assigned to
    /// the wire, which both the partner's page and theirs carry as the origin.
    /// </summary>
    private static bool CreditsBesideOrigin(DocumentSummary derived, DocumentSummary source)
    {
        if (source.Outlet is not { } outlet || derived.CreditedOutlets.Count < 2) return false;
        foreach (var credited in derived.CreditedOutlets)
            if (credited != derived.Origin && OutletNames.Match(credited, outlet)) return true;
        return false;
    }

    /// <summary>Whether every element of the ascending <paramref name="small"/> is in the ascending <paramref name="large"/>.</summary>
    private static bool IsSubset(int[] small, int[] large)
    {
        var j = 0;
        foreach (var x in small)
        {
            while (j < large.Length && large[j] < x) j++;
            if (j == large.Length || large[j] != x) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="x"/>'s source was published before <paramref name="y"/>'s (a dated one before an undated one), else the smaller id.</summary>
    private static bool Earlier(VerifiedDerivation x, VerifiedDerivation y, Dictionary<string, ProvenanceRecord> records)
    {
        var order = DateOrder(x, y, records);
        return order != 0 ? order < 0 : string.CompareOrdinal(x.Relation.To, y.Relation.To) < 0;
    }

    /// <summary>Negative when <paramref name="x"/>'s source was published first (a dated one before an undated one), positive when <paramref name="y"/>'s, 0 when no date tells.</summary>
    private static int DateOrder(VerifiedDerivation x, VerifiedDerivation y, Dictionary<string, ProvenanceRecord> records)
    {
        // A lower bound alone says nothing of which of two pages came first: such a page counts as undated here.
        var dx = records[x.Relation.To!].Summary.Published is { OpenEnded: false } px ? px.Earliest : (DateOnly?)null;
        var dy = records[y.Relation.To!].Summary.Published is { OpenEnded: false } py ? py.Earliest : (DateOnly?)null;
        if (dx is { } a && dy is { } b && a != b) return a < b ? -1 : 1;
        if (dx is null != dy is null) return dx is not null ? -1 : 1;
        return 0;
    }

    /// <summary>A citation naming the outlet of a related document (a candidate of the citing one, in the set) points at that document too.</summary>
    private static Relation PointAtMember(Relation cite, ProvenanceRecord record, HashSet<string> inSet)
    {
        string? target = null;
        foreach (var (id, outlet) in record.Neighbours)
        {
            if (outlet != cite.ToOutlet || !inSet.Contains(id)) continue;
            if (target is null || string.CompareOrdinal(id, target) < 0) target = id;
        }
        return target is null ? cite : cite with { To = target };
    }

    internal static int CompareRelations(Relation x, Relation y)
    {
        var c = string.CompareOrdinal(x.From, y.From);
        if (c != 0) return c;
        c = x.Kind.CompareTo(y.Kind);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.To, y.To);
        return c != 0 ? c : string.CompareOrdinal(x.ToOutlet, y.ToOutlet);
    }
}
