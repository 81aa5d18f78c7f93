using System.Net;
using System.Text;

namespace Triangulate.CorpusGen;

/// <summary>One rendered page: its blocks in order with their roles, written as plain text or as an HTML document.</summary>
internal sealed class Page(List<(PagePart Part, string Text)> blocks)
{
    public IReadOnlyList<(PagePart Part, string Text)> Blocks => blocks;

    /// <summary>The page as a scraper's text: blocks separated by blank lines.</summary>
    public string ToText() => string.Join("\n\n", blocks.Select(b => b.Text));

    /// <summary>The page as the outlet serves it: metadata in the head, furniture in nav, aside and footer elements.</summary>
    public string ToHtml(Article article, string? published)
    {
        var html = new StringBuilder(4096);
        var lang = article.Outlet.Lang.ToString().ToLowerInvariant();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode(article.Title)).Append(" | ").Append(Encode(article.Outlet.Name)).Append("</title>\n");
        html.Append("<meta property=\"og:title\" content=\"").Append(Encode(article.Title)).Append("\">\n");
        if (article.NamesOutlet) html.Append("<meta property=\"og:site_name\" content=\"").Append(Encode(article.Outlet.Name)).Append("\">\n");
        if (published is not null) html.Append("<meta property=\"article:published_time\" content=\"").Append(published).Append("\">\n");
        html.Append("<link rel=\"canonical\" href=\"").Append(Encode(article.Url)).Append("\">\n</head>\n<body>\n");
        var inArticle = false;
        var inRelated = false;
        foreach (var (part, text) in blocks)
        {
            if (part == PagePart.Related && !inRelated)
            {
                html.Append("<ul>\n");
                inRelated = true;
            }
            else if (part != PagePart.Related && inRelated)
            {
                html.Append("</ul></aside>\n");
                inRelated = false;
            }
            var body = part is PagePart.Headline or PagePart.Byline or PagePart.Paragraph or PagePart.Marker or PagePart.Teaser or PagePart.Trailer or PagePart.Credit;
            if (body && !inArticle)
            {
                html.Append("<main><article>\n");
                // Pages whose text shows no headline still carry it in the markup.
                if (!blocks.Exists(b => b.Part == PagePart.Headline)) html.Append("<h1>").Append(Encode(article.Title)).Append("</h1>\n");
                inArticle = true;
            }
            else if (!body && inArticle)
            {
                html.Append("</article></main>\n");
                inArticle = false;
            }
            var e = Encode(text);
            html.Append(part switch
            {
                PagePart.Navigation => $"<nav><a href=\"/\">{e}</a></nav>\n",
                PagePart.Headline => $"<h1>{e}</h1>\n",
                PagePart.Byline => $"<p class=\"byline\">{e}</p>\n",
                PagePart.Paragraph => $"<p>{e}</p>\n",
                PagePart.Marker => $"<div class=\"ad-label\">{e}</div>\n",
                PagePart.Teaser => $"<aside class=\"teaser\"><a href=\"/\">{e}</a></aside>\n",
                PagePart.Trailer => $"<p class=\"trailer\"><em>{e}</em></p>\n",
                PagePart.Credit => $"<p class=\"credit\"><small>{e}</small></p>\n",
                PagePart.RelatedHeading => $"<aside class=\"related\"><h2>{e}</h2>\n",
                PagePart.Related => $"<li><a href=\"/\">{e}</a></li>\n",
                _ => $"<footer><p>{e}</p></footer>\n",
            });
        }
        if (inRelated) html.Append("</ul></aside>\n");
        if (inArticle) html.Append("</article></main>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
