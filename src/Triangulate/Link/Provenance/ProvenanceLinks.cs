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
                if (kept is null || Better(derivation, kept, records)) kept = derivation;
            }
            if (kept is not null) relations.Add(kept.Relation);
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
    /// is the source the document credits or names, else the one that explains most of it (fewest of its sentences
    /// unaligned: a copy of a copy keeps the intermediate's cuts and added lines), else the earliest published, else
    /// the best-aligned; the family (and so the independence group) stays the same, since every copy still reaches
    /// the source.
    /// </summary>
    private static bool Better(VerifiedDerivation candidate, VerifiedDerivation kept, Dictionary<string, ProvenanceRecord> records)
    {
        if (candidate.Attributed != kept.Attributed) return candidate.Attributed;
        if (candidate.UnalignedDerived != kept.UnalignedDerived) return candidate.UnalignedDerived < kept.UnalignedDerived;
        var dx = records[candidate.Relation.To!].Summary.Published?.Earliest;
        var dy = records[kept.Relation.To!].Summary.Published?.Earliest;
        if (dx is { } a && dy is { } b && a != b) return a < b;
        if (dx is null != dy is null) return dx is not null;
        if (candidate.Relation.Score != kept.Relation.Score) return candidate.Relation.Score > kept.Relation.Score;
        return string.CompareOrdinal(candidate.Relation.To, kept.Relation.To) < 0;
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
