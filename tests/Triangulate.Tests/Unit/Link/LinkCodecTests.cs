using System.Text.Json;
using Triangulate.Link;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A link-state value's JSON is written and read without a string of it, in the bytes the string was written as: a
/// value stored before reads back, and a value written now is what was written before.
/// </summary>
public sealed class LinkCodecTests
{
    private static readonly Relation Sample = new()
    {
        From = "d1",
        To = "d2",
        Kind = RelationKind.Rewrite,
        Score = 0.75,
        // Outside ASCII: the text's byte count, not its length, prefixes it.
        ToOutlet = "Ärzte-Zeitung — «Sätze» 🙂",
        Evidence = [new AlignedPassage(new TextSpan("d1", 3, 40), new TextSpan("d2", 0, 37))],
    };

    [Fact]
    public void Json_is_written_as_the_length_prefixed_text_a_string_of_it_was_written_as()
    {
        var asString = LinkCodec.Encode(w =>
        {
            w.Write(JsonSerializer.Serialize(Sample, ModelJson.Compact.Relation));
            w.Write(7);
        });
        var asJson = LinkCodec.Encode(w =>
        {
            LinkCodec.WriteJson(w, Sample, ModelJson.Compact.Relation);
            w.Write(7);
        });

        Assert.Equal(asString, asJson);
    }

    [Fact]
    public void Json_written_as_a_string_reads_back_in_place_and_what_follows_it_too()
    {
        var bytes = LinkCodec.Encode(w =>
        {
            w.Write(JsonSerializer.Serialize(Sample, ModelJson.Compact.Relation));
            w.Write(JsonSerializer.Serialize(Sample with { To = "d3" }, ModelJson.Compact.Relation));
            w.Write(7);
        });

        var (first, second, after) = LinkCodec.Decode(bytes, r => (LinkCodec.ReadJson(r, ModelJson.Compact.Relation), LinkCodec.ReadJson(r, ModelJson.Compact.Relation), r.ReadInt32()));

        Assert.Equal(JsonSerializer.Serialize(Sample, ModelJson.Compact.Relation), JsonSerializer.Serialize(first, ModelJson.Compact.Relation));
        Assert.Equal("d3", second.To);
        Assert.Equal(7, after);
    }
}
