using Triangulate.Extract;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Extract;

/// <summary>The example captures, through the default extractors: the items an analyst would check first.</summary>
public sealed class SeedExtractionTests
{
    internal static DocumentAnalysis Analyse(string prefix)
    {
        var file = Directory.GetFiles(TestPaths.KurskExample, prefix + "_*.txt").Single();
        var document = Some.Document(File.ReadAllText(file), Path.GetFileName(file));
        var builder = Some.PipelineBuilder();
        return new DocumentExtractor(builder.SentenceSplitter, builder.Extractors).Extract(document);
    }

    [Fact]
    public void TheGeneralsFateIsFourHedgedAttributedStatusClaims()
    {
        var analysis = Analyse("004");
        var general = Assert.Single(analysis.Entities, e => e.Name == "Valery Solodchuk");
        var fate = analysis.Claims.Where(c => c.Kind == ClaimKind.Status && c.Subject == general.Id).ToList();
        var killed = Assert.Single(fate, c => c.Status == "killed");
        Assert.Equal("according to", killed.Mention.Hedge);
        Assert.Equal("a Western source", killed.Mention.Attribution?.Speaker);
        var wounded = Assert.Single(fate, c => c.Status == "wounded");
        Assert.Equal("Another source", wounded.Mention.Attribution?.Speaker);
        Assert.Equal("reported", wounded.Mention.Hedge);
        Assert.Contains(fate, c => c.Status == "unharmed");
        Assert.Contains(fate, c => c.Status == "not-seen");
    }

    [Fact]
    public void OlehsQuotesAreHisAndHeIsDescribed()
    {
        var analysis = Analyse("002");
        var oleh = Assert.Single(analysis.Entities, e => e.Name == "Oleh");
        Assert.Contains(oleh.Descriptions, d => d.StartsWith("30, a soldier in", StringComparison.Ordinal));
        var quotes = analysis.Quotes.Where(q => q.Speaker == oleh.Id && q.Variant.Direct == true).ToList();
        Assert.True(quotes.Count >= 4, $"{quotes.Count} direct quotes attributed to Oleh");
        Assert.Contains(quotes, q => q.Variant.Text.StartsWith("They are very fresh", StringComparison.Ordinal));
        Assert.All(quotes, q => Assert.Equal(SpeakerKind.Named, q.SpeakerKind));
    }

    [Fact]
    public void TheDeclaredPseudonymsArePseudonymSpeakers()
    {
        var analysis = Analyse("001");
        foreach (var name in new[] { "Pavlo", "Vadym", "Myroslav" })
        {
            var entity = Assert.Single(analysis.Entities, e => e.Name == name);
            var quotes = analysis.Quotes.Where(q => q.Speaker == entity.Id).ToList();
            Assert.NotEmpty(quotes);
            Assert.All(quotes, q => Assert.Equal(SpeakerKind.Pseudonym, q.SpeakerKind));
        }
        Assert.Contains(analysis.Citations, c => c.Credit && c.Outlet == "BBC");
    }

    [Fact]
    public void OneSoldierIsAnAnonymousSpeaker()
    {
        var analysis = Analyse("000");
        var anonymous = analysis.Quotes.Where(q => q.SpeakerKind == SpeakerKind.Anonymous && q.Speaker == "one soldier").ToList();
        Assert.True(anonymous.Count >= 4, $"{anonymous.Count} quotes by one soldier");
        var zelensky = Assert.Single(analysis.Entities, e => e.Name == "Zelensky");
        Assert.Contains(analysis.Quotes, q => q.Speaker == zelensky.Id && q.Variant.Text.StartsWith("Putin wants", StringComparison.Ordinal));
    }

    [Fact]
    public void TheReutersSourceIsCitedWithItsChannel()
    {
        var analysis = Analyse("004");
        Assert.Contains(analysis.Citations, c => c.Outlet == "Reuters" && !c.Credit);
        Assert.Contains(analysis.Quotes, q => q.Via.Contains("Reuters") && q.SpeakerKind == SpeakerKind.Anonymous);
    }
}
