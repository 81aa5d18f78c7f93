namespace Triangulate.CorpusGen;

/// <summary>The role of one block of a page: what the HTML rendering wraps it in.</summary>
internal enum PagePart
{
    Navigation,
    Headline,
    Byline,
    Paragraph,
    Marker,
    Teaser,
    Trailer,
    Credit,
    RelatedHeading,
    Related,
    Footer,
}
