using Triangulate.Model;

namespace Triangulate.Link.Provenance;

/// <summary>
/// What the provenance stage remembers of one document (space 4 of the <see cref="LinkState"/>): its summary, the
/// outlets it cites, the derivations verified with it as the derived side, the documents verified with it either way,
/// and its candidates. Enough to choose its source, link its citations and group it within any story it ends up in,
/// without reading its text again.
/// </summary>
internal sealed class ProvenanceRecord(DocumentSummary summary)
{
    public const int Space = 4;

    public DocumentSummary Summary { get; } = summary;

    /// <summary>Citations of outside outlets, as found in the document (their target document is chosen per story).</summary>
    public List<Relation> Cites { get; init; } = [];

    /// <summary>Verified derivations with this document as the derived side, in the order verified.</summary>
    public List<VerifiedDerivation> Derived { get; } = [];

    /// <summary>Documents verified as derived from this one or as its source, in the order verified.</summary>
    public List<string> Partners { get; } = [];

    /// <summary>Candidates (either way), with their outlet keys: where a citation of an outlet may point.</summary>
    public List<(string Id, string? Outlet)> Neighbours { get; } = [];

    public static LinkSpace<ProvenanceRecord> In(LinkState state) => state.Space(Space, Encode, Decode);

    private static byte[] Encode(ProvenanceRecord record) => LinkCodec.Encode(w =>
    {
        var s = record.Summary;
        w.Write(s.Id);
        LinkCodec.WriteNullable(w, s.Outlet);
        LinkCodec.WriteNullable(w, s.Origin);
        w.Write(s.Language);
        w.Write(s.Published is not null);
        if (s.Published is { } p)
        {
            w.Write(p.Earliest.DayNumber);
            w.Write(p.Latest.DayNumber);
        }
        w.Write(s.Undated);
        LinkCodec.WriteList(w, [.. s.CreditedOutlets.Order(StringComparer.Ordinal)], (x, c) => x.Write(c));
        LinkCodec.WriteList(w, record.Cites, (x, r) => LinkCodec.WriteJson(x, r, ModelJson.Compact.Relation));
        LinkCodec.WriteList(w, record.Derived, (x, d) =>
        {
            LinkCodec.WriteJson(x, d.Relation, ModelJson.Compact.Relation);
            x.Write(d.Attributed);
            x.Write(d.UnalignedDerived);
            x.Write(d.UnalignedSource);
            LinkCodec.WriteList(x, d.Aligned, (y, i) => y.Write(i));
            LinkCodec.WriteList(x, d.Dropped, (y, i) => y.Write(i));
            LinkCodec.WriteNullable(x, d.CarriedCredit);
            x.Write(d.CarriedSentence);
            x.Write(d.SameTitle);
            LinkCodec.WriteList(x, d.Verbatim, (y, i) => y.Write(i));
        });
        LinkCodec.WriteList(w, record.Partners, (x, p) => x.Write(p));
        LinkCodec.WriteList(w, record.Neighbours, (x, n) =>
        {
            x.Write(n.Id);
            LinkCodec.WriteNullable(x, n.Outlet);
        });
    });

    private static ProvenanceRecord Decode(byte[] bytes) => LinkCodec.Decode(bytes, r =>
    {
        var id = r.ReadString();
        var outlet = LinkCodec.ReadNullable(r);
        var origin = LinkCodec.ReadNullable(r);
        var language = r.ReadString();
        DateRangeDays? published = r.ReadBoolean() ? new DateRangeDays(DateOnly.FromDayNumber(r.ReadInt32()), DateOnly.FromDayNumber(r.ReadInt32())) : null;
        var undated = r.ReadBoolean();
        var credited = LinkCodec.ReadList(r, x => x.ReadString());
        var record = new ProvenanceRecord(new DocumentSummary(id, outlet, origin, language, published, new HashSet<string>(credited, StringComparer.Ordinal), undated))
        {
            Cites = LinkCodec.ReadList(r, x => LinkCodec.ReadJson(x, ModelJson.Compact.Relation)),
        };
        record.Derived.AddRange(LinkCodec.ReadList(r, x => new VerifiedDerivation(
            LinkCodec.ReadJson(x, ModelJson.Compact.Relation), x.ReadBoolean(), x.ReadInt32(), x.ReadInt32(), [.. LinkCodec.ReadList(x, y => y.ReadInt32())], [.. LinkCodec.ReadList(x, y => y.ReadInt32())], LinkCodec.ReadNullable(x), x.ReadInt32(), x.ReadBoolean(), [.. LinkCodec.ReadList(x, y => y.ReadInt32())])));
        record.Partners.AddRange(LinkCodec.ReadList(r, x => x.ReadString()));
        record.Neighbours.AddRange(LinkCodec.ReadList(r, x => (x.ReadString(), LinkCodec.ReadNullable(x))));
        return record;
    });
}
