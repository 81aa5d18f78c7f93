using Triangulate.Model;
using Triangulate.Report;

namespace Triangulate.Tests.Unit.Report;

public class StoryHeaderTests
{
    private static Document Doc(string id, string source, string? outlet, string? title = "A title", string? origin = null) => new()
    {
        Id = id,
        Source = source,
        Outlet = outlet,
        Title = title,
        Origin = origin,
        Sha256 = id,
        Text = "Some text.",
        Body = "Some text.",
        Language = "en",
        Blocks = [],
    };

    [Fact]
    public void Outlets_count_publishers_origins_and_credits_once_each_in_the_casing_a_document_gave()
    {
        var docs = new[]
        {
            Doc("d-1", "https://www.example-news.org/a", null),
            Doc("d-2", "https://paper.example/b", "The Daily Paper", origin: "Wire Service"),
            Doc("d-3", "c.txt", "the daily paper"),
            Doc("d-4", "d.txt", "Daily Paper"),
        };
        var story = new Story { Id = "s", Title = "t", Documents = [.. docs.Select(d => d.Id)] };
        var dossier = new Dossier
        {
            Documents = docs,
            Stories = [story],
            Relations = [new Relation { From = "d-3", Kind = RelationKind.Cites, ToOutlet = "washington herald" }, new Relation { From = "d-2", Kind = RelationKind.Cites, ToOutlet = "bbc" }],
        };
        var digest = StoryDigest.Build(dossier, dossier.Stories[0], StoryDigest.Index(dossier.Documents));
        Assert.Equal(["BBC", "example-news.org", "The Daily Paper", "Washington Herald", "Wire Service"], digest.Outlets);
    }

    [Fact]
    public void A_document_without_outlet_or_title_is_labelled_from_its_source()
    {
        Assert.Equal("unknown outlet (example-news.org): story-one", Evidence.Label(Doc("d", "https://www.example-news.org/news/story-one/", null, null)));
        Assert.Equal("unknown outlet: notes.txt", Evidence.Label(Doc("d", "/tmp/in/notes.txt", " ", "")));
        Assert.Equal("Paper: Headline", Evidence.Label(Doc("d", "x.txt", "Paper", "Headline")));
    }

    [Theory]
    [InlineData(1, "1 story")]
    [InlineData(2, "2 stories")]
    [InlineData(0, "0 stories")]
    public void Counts_agree_with_their_noun(int n, string expected) => Assert.Equal(expected, Evidence.Count(n, "story", "stories"));
}
