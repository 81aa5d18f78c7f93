using CsCheck;
using Triangulate.Extract;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

/// <summary>
/// Whatever the prose, every span the whole default extractor chain reports (entity mentions, times, claims, quotes
/// and their variants, citations) lies inside the document's text and its excerpt is exactly the characters it covers.
/// The pieces mix names, titles, pronouns, speech verbs, quote marks of every style, numbers and dates so the
/// generator reaches the speaker, apposition and attribution paths, not only numbers.
/// </summary>
public class AnalysisSpanPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Lt.", "Gen.", "Anna", "Kowalski", "Maria", "the", "deputy", "commander", "of", "44th", "Army", "Corps", ",", ".",
        "said", "told", "Agence", "France-Presse", "according", "to", "he", "she", "they", "“", "”", "\"", "'", "‘", "’",
        "«", "»", "—", "(", ")", "\n", "\n\n", "killed", "wounded", "captured", "were", "was", "destroyed", "not", "seen",
        "about", "400", "to", "500", "troops", "10,000", "soldiers", "40%", "sq", "km", "Dec.", "8", "last", "weekend",
        "on", "Saturday", "in", "Kharkiv", "Ministry", "Defence", "wrote", "Telegram", "one", "soldier", "a", "source",
        "Oleh", ",", "30", "Mr.", "U.S.", "iPhone", "Inc.", "No.", "10", "President-elect", "ALSO", "READ",
    ];

    private static readonly DocumentExtractor Extractor =
        new(new NewsSentenceSplitter(), [.. PipelineBuilder.CreateDefault().Extractors]);

    [Fact]
    public void Every_span_of_a_whole_analysis_lies_inside_the_text_and_round_trips()
    {
        Gen.Int[0, Pieces.Length - 1].Array[1, 60]
            .Select(ix => string.Join(' ', Array.ConvertAll(ix, i => Pieces[i])))
            .Sample(text =>
            {
                var analysis = Extractor.Extract(Some.DatedDocument(text, new DateOnly(2024, 12, 2)));
                foreach (var span in AnalysisSpans.Of(analysis))
                {
                    if (span.Start < 0 || span.End > text.Length || span.Start >= span.End) return false;
                    if (span.Excerpt != text[span.Start..span.End]) return false;
                }
                return true;
            }, iter: 1500);
    }

    [Fact]
    public void The_generator_reaches_every_kind_of_item()
    {
        // Guards the property above against passing vacuously: one sentence built from the same pieces yields
        // an entity, a time, a claim, a quote and a citation.
        const string text = "Lt. Gen. Anna Kowalski , the deputy commander of the 44th Army Corps , said on Saturday : “ about 400 to 500 troops were killed . ” she told Agence France-Presse .";
        var analysis = Extractor.Extract(Some.DatedDocument(text, new DateOnly(2024, 12, 2)));
        Assert.NotEmpty(analysis.Entities);
        Assert.NotEmpty(analysis.Times);
        Assert.NotEmpty(analysis.Claims);
        Assert.NotEmpty(analysis.Quotes);
        Assert.NotEmpty(AnalysisSpans.Of(analysis));
    }
}
