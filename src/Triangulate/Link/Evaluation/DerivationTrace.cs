using Triangulate.Link.Provenance;

namespace Triangulate.Link.Evaluation;

/// <summary>
/// How far a pair of documents got in the provenance stage, read from a store's link state: never a candidate pair, a
/// candidate pair the verification rejected, or a verified derivation (which way). Lets an evaluation tell a missed
/// derivation the candidate search never offered (a scale effect: caps, crowded keys) from one the verification or
/// the source choice decided against.
/// </summary>
public sealed class DerivationTrace
{
    private readonly LinkSpace<ProvenanceRecord> _records;

    /// <summary>A trace over the link state <paramref name="source"/> keeps (a store analysed by the pipeline).</summary>
    public DerivationTrace(ILinkStateSource source) => _records = ProvenanceRecord.In(LinkState.Stored(source));

    /// <summary>
    /// "verified" when <paramref name="derived"/> was verified as derived from <paramref name="source"/>,
    /// "verified reversed" when the other way, "candidate rejected" when the pair was compared and not verified,
    /// "never a candidate" when it was not compared, "unknown" when either document was never linked.
    /// </summary>
    public string Status(string derived, string source)
    {
        if (!_records.TryGet(LinkCodec.DocumentKey(derived), out var d) || !_records.TryGet(LinkCodec.DocumentKey(source), out var s)) return "unknown";
        if (d.Derived.Exists(v => v.Relation.To == source)) return "verified";
        if (s.Derived.Exists(v => v.Relation.To == derived)) return "verified reversed";
        return d.Neighbours.Exists(n => n.Id == source) ? "candidate rejected" : "never a candidate";
    }
}
