using System.Net;
using System.Text;
using Triangulate.Store;

namespace Triangulate.Web;

/// <summary>Page scaffolding and encoding: every string that reaches a page goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>A whole page: landmarks, skip link, navigation, the app's own CSS and JS (no CDN).</summary>
    public static string Page(string title, string body, string? query = null)
    {
        var s = new StringBuilder(body.Length + 2048);
        s.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        s.Append("<title>").Append(E(title)).Append(" · Triangulate</title><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/app.css\"><script src=\"/assets/app.js\" defer></script></head><body>");
        s.Append("<a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"site\"><strong><a href=\"/\">Triangulate</a></strong>");
        s.Append("<nav aria-label=\"Main\"><ul><li><a href=\"/\">Stories</a></li><li><a href=\"/documents\">Documents</a></li><li><a href=\"/entities\">Entities</a></li><li><a href=\"/upload\">Upload</a></li></ul></nav>");
        s.Append("<form role=\"search\" action=\"/search\" method=\"get\"><label for=\"q\" class=\"skip\">Search</label><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search documents, claims, quotes\" value=\"").Append(E(query)).Append("\"> <button type=\"submit\">Search</button></form></header>");
        s.Append("<main id=\"main\">").Append(body).Append("</main><footer class=\"site\"><p class=\"muted\">Every item links to the characters it came from.</p></footer></body></html>");
        return s.ToString();
    }

    /// <summary>A search snippet, encoded, with the store's match markers turned into &lt;mark&gt;.</summary>
    public static string Snippet(string snippet) =>
        E(snippet).Replace(SearchHit.MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(SearchHit.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
}
