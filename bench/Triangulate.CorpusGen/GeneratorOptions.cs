namespace Triangulate.CorpusGen;

/// <summary>What to generate: how many articles, from which seed, into which folder, and how many as HTML.</summary>
public sealed record GeneratorOptions(long Articles, ulong Seed, string OutputDirectory)
{
    /// <summary>Share of records written as an <c>html</c> page (head metadata, nav, aside, footer) instead of <c>text</c>.</summary>
    public double HtmlShare { get; init; }

    /// <summary>First day of the corpus; the seed shifts it so that corpora of different seeds cover different weeks.</summary>
    public DateOnly Start => new DateOnly(2024, 9, 2).AddDays((int)(Seed % 280));

    /// <summary>
    /// Days the corpus spans: about 0.8·√N (36 days at 2,000 articles, 113 at 20,000, 800 at a million), so bigger
    /// corpora are both longer and denser, with more stories of one kind in the same week.
    /// </summary>
    public int Days => (int)Math.Max(14, Math.Round(0.8 * Math.Sqrt(Articles)));
}
