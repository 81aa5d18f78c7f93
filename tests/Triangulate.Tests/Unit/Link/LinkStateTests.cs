using Triangulate.Link;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

/// <summary>The link state of a relink's next part: it reads what the part before saved, and finds what the stages kept in memory.</summary>
public sealed class LinkStateTests
{
    [Fact]
    public void The_next_part_reads_what_the_part_before_saved_and_finds_what_its_stages_kept()
    {
        var source = new MemoryLinkStateSource();
        var first = LinkState.Fresh();
        first.Space(7, LinkCodec.EncodeLong, LinkCodec.DecodeLong).Set(1, 10);
        var kept = first.Kept<List<string>>();
        kept.Add("a profile");
        source.Save(first.Changes());

        var next = first.Next(source);

        Assert.False(next.IsFresh);
        Assert.Same(kept, next.Kept<List<string>>());
        Assert.True(next.Space(7, LinkCodec.EncodeLong, LinkCodec.DecodeLong).TryGet(1, out var value));
        Assert.Equal(10, value);
        Assert.Empty(next.Changes());
        Assert.Empty(LinkState.Stored(source).Kept<List<string>>());
    }
}
