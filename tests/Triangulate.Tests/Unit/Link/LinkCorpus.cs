using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Link.Stories;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

/// <summary>Builds small in-memory corpora and runs the linking stages over them.</summary>
internal static class LinkCorpus
{
    public static Document Doc(string text, string source, string? outlet = null, string? origin = null, string language = "en", DateOnly? published = null)
    {
        var document = published is { } day ? Some.DatedDocument(text, day, source) : Some.Document(text, source, language);
        return document with { Outlet = outlet, Origin = origin, Language = language, Title = text.Split('\n')[0] };
    }

    public static CorpusContext Run(params Document[] documents) => Run(documents.Select(d => (d, new DocumentAnalysis { DocumentId = d.Id })).ToArray());

    public static CorpusContext Run(params (Document Document, DocumentAnalysis Analysis)[] items)
    {
        var context = new CorpusContext(new InMemoryCorpusReader(items));
        new ProvenanceLinker().Run(context);
        new StoryClusterer().Run(context);
        return context;
    }

    /// <summary>Provenance, then the given story clusterer.</summary>
    public static CorpusContext Run(StoryClusterer clusterer, params Document[] documents)
    {
        var context = new CorpusContext(new InMemoryCorpusReader(documents.Select(d => (d, new DocumentAnalysis { DocumentId = d.Id }))));
        new ProvenanceLinker().Run(context);
        clusterer.Run(context);
        return context;
    }

    /// <summary>Provenance, then the given story clusterer, over documents with their analyses.</summary>
    public static CorpusContext Run(StoryClusterer clusterer, params (Document Document, DocumentAnalysis Analysis)[] items)
    {
        var context = new CorpusContext(new InMemoryCorpusReader(items));
        new ProvenanceLinker().Run(context);
        clusterer.Run(context);
        return context;
    }

    /// <summary>A dated report (id "d-" + source, so ids follow arrival order) whose analysis names one day.</summary>
    /// <summary>A document published on <paramref name="published"/>, its id "d-" and its source, with an empty analysis.</summary>
    public static (Document, DocumentAnalysis) Dated(string text, string source, DateOnly published)
    {
        var document = Doc(text, source, published: published) with { Id = "d-" + source };
        return (document, new DocumentAnalysis { DocumentId = document.Id });
    }

    public static (Document, DocumentAnalysis) NamingDay(string text, string source, DateOnly published, DateOnly named)
    {
        var document = Doc(text, source, published: published) with { Id = "d-" + source };
        var day = PartialDate.Parse(named.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var time = new TimeExpression { Span = new TextSpan(document.Id, 0, 1), Start = day, End = day };
        return (document, new DocumentAnalysis { DocumentId = document.Id, Times = [time] });
    }

    public static List<Relation> Derivations(CorpusContext context) => context.Relations.Where(r => r.Kind != RelationKind.Cites).ToList();
}
