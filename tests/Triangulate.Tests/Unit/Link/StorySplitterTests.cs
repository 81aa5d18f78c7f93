using Triangulate.Link;
using Triangulate.Link.Stories;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// The splitter that parts a story holding two events of one kind: the texts are invented reports of two warehouse fires
/// in two towns, written from one vocabulary (the genre) with each fire's own names, so only the names tell them apart.
/// </summary>
public sealed class StorySplitterTests
{
    private static readonly string[] Genre =
    [
        "Firefighters fought the blaze at the warehouse through the night.",
        "Thick smoke rose over the harbour district and residents were told to keep windows shut.",
        "The cause of the fire is under investigation, officials said.",
        "Several crews were called in from neighbouring stations.",
        "No injuries were reported among the workers, the fire service said.",
        "Traffic was diverted around the industrial estate for hours.",
    ];

    /// <summary>A report of one fire: a few genre sentences (picked by <paramref name="n"/>) and two sentences naming its town, chief and firm.</summary>
    private static string Report(int n, string town, string chief, string firm) => string.Join("\n\n",
        $"Fire at {firm} depot in {town}",
        $"A large fire broke out at the {firm} depot in {town} on the edge of the port.",
        Genre[n % Genre.Length],
        Genre[(n + 2) % Genre.Length],
        $"Fire chief {chief} said the {firm} building in {town} had been evacuated quickly.",
        Genre[(n + 4) % Genre.Length]);

    private static (List<string> Ids, InMemoryCorpusReader Corpus, HashSet<string> FirstFire) Corpus(bool firstDated, bool secondDated, int outliers = 0)
    {
        var items = new List<(Document, DocumentAnalysis)>();
        var first = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            var text = Report(i, "Brenmoor", "Alda Voss", "Kettering Freight");
            var doc = firstDated ? LinkCorpus.Doc(text, $"a{i}.txt", published: new DateOnly(2012, 3, 4 + (i % 2))) : LinkCorpus.Doc(text, $"a{i}.txt");
            items.Add((doc, new DocumentAnalysis { DocumentId = doc.Id }));
            first.Add(doc.Id);
        }
        for (var i = 0; i < 5; i++)
        {
            var text = Report(i + 1, "Saltcombe", "Ivo Marek", "Dunmore Logistics");
            var doc = secondDated ? LinkCorpus.Doc(text, $"b{i}.txt", published: new DateOnly(2016, 9, 20)) : LinkCorpus.Doc(text, $"b{i}.txt");
            items.Add((doc, new DocumentAnalysis { DocumentId = doc.Id }));
        }
        string[] asides =
        [
            "Brenmoor insurers\n\nLoss adjusters in Brenmoor priced cargo claims over coffee with underwriters yesterday.",
            "Brenmoor council\n\nCouncillors in Brenmoor debated parking permits and school meals until late evening.",
        ];
        for (var i = 0; i < outliers; i++)
        {
            // A short item from the first fire's town that shares almost no wording with any report (nor with the
            // other item): merged last, it sits at the top of the tree.
            var doc = LinkCorpus.Doc(asides[i], $"o{i}.txt");
            items.Add((doc, new DocumentAnalysis { DocumentId = doc.Id }));
            first.Add(doc.Id);
        }
        var ids = items.Select(x => x.Item1.Id).Order(StringComparer.Ordinal).ToList();
        return (ids, new InMemoryCorpusReader(items), first);
    }

    private static void AssertTwoFires(List<List<string>> parts, HashSet<string> firstFire)
    {
        Assert.Equal(2, parts.Count);
        Assert.All(parts, part => Assert.True(part.All(firstFire.Contains) || part.All(d => !firstFire.Contains(d)), "a part mixes the two fires"));
    }

    [Fact]
    public void Two_fires_with_only_their_names_apart_are_split_when_words_part_the_dated_reports_from_the_undated()
    {
        var (ids, corpus, first) = Corpus(firstDated: true, secondDated: false);
        var splitter = new StorySplitter();
        AssertTwoFires(splitter.Split(ids, corpus, []), first);
    }

    [Fact]
    public void The_same_fires_all_dated_or_all_undated_need_the_stronger_separation()
    {
        // The same words: the weaker separation applies only when the division is also dated against undated.
        var strict = new StorySplitter { Separation = 0.05 };
        foreach (var (a, b) in new[] { (true, true), (false, false) })
        {
            var (ids, corpus, _) = Corpus(a, b);
            Assert.Single(strict.Split(ids, corpus, []));
        }
        var (mixedIds, mixedCorpus, first) = Corpus(true, false);
        AssertTwoFires(strict.Split(mixedIds, mixedCorpus, []), first);
    }

    [Fact]
    public void Outliers_at_the_top_of_the_tree_do_not_hide_the_split_and_go_to_their_nearer_side()
    {
        var (ids, corpus, first) = Corpus(firstDated: true, secondDated: false, outliers: 2);
        var parts = new StorySplitter().Split(ids, corpus, []);
        AssertTwoFires(parts, first);
        Assert.Equal(12, parts.Sum(p => p.Count));
    }
}
