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
    public static string Page(string title, string body, string? query = null) =>
        string.Concat(Head(title, query), body, Foot);

    /// <summary>
    /// A whole page as UTF-8, encoded straight from the builder's chunks: a large story page then costs one array (the
    /// bytes kept and sent) instead of the body's string, the page's builder, the page's string and the bytes, each
    /// large enough to land on the large-object heap, which is collected only with the whole heap.
    /// </summary>
    public static byte[] PageBytes(string title, StringBuilder body, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        // The head is built in this thread's own builder and encoded from it, as the body is: no string of it is made.
        var head = WriteHead(_head ??= new StringBuilder(2048), title, query);
        try
        {
            var utf8 = Encoding.UTF8;
            var bytes = new byte[Utf8(head, []) + Utf8(body, []) + utf8.GetByteCount(Foot)];
            var at = Utf8(head, bytes);
            at += Utf8(body, bytes.AsSpan(at));
            utf8.GetBytes(Foot, bytes.AsSpan(at));
            return bytes;
        }
        finally
        {
            head.Clear();
        }
    }

    [ThreadStatic]
    private static StringBuilder? _head;

    /// <summary>
    /// Encodes the builder's chunks into <paramref name="output"/>, or only counts the bytes when it is empty. A chunk may
    /// end inside a surrogate pair: its high half is carried over to the next chunk, so a pair is one character.
    /// </summary>
    private static int Utf8(StringBuilder body, Span<byte> output)
    {
        var count = output.IsEmpty;
        var n = 0;
        Span<char> pair = stackalloc char[2];
        var carried = false;
        foreach (var chunk in body.GetChunks())
        {
            var span = chunk.Span;
            if (carried && span.Length > 0)
            {
                pair[1] = span[0];
                n += Put(pair, output, n, count);
                span = span[1..];
                carried = false;
            }
            if (span.Length > 0 && char.IsHighSurrogate(span[^1]))
            {
                pair[0] = span[^1];
                carried = true;
                span = span[..^1];
            }
            n += Put(span, output, n, count);
        }
        if (carried) n += Put(pair[..1], output, n, count);
        return n;
    }

    private static int Put(ReadOnlySpan<char> chars, Span<byte> output, int at, bool count) =>
        count ? Encoding.UTF8.GetByteCount(chars) : Encoding.UTF8.GetBytes(chars, output[at..]);

    private const string Foot = "</main><footer class=\"site\"><p class=\"muted\">Every item links to the characters it came from.</p></footer></body></html>";

    private static string Head(string title, string? query) => WriteHead(new StringBuilder(2048), title, query).ToString();

    private static StringBuilder WriteHead(StringBuilder s, string title, string? query)
    {
        s.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        s.Append("<title>").Append(E(title)).Append(" · Triangulate</title><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/app.css\"><script src=\"/assets/app.js\" defer></script></head><body>");
        s.Append("<a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"site\"><strong><a href=\"/\">Triangulate</a></strong>");
        s.Append("<nav aria-label=\"Main\"><ul><li><a href=\"/\">Stories</a></li><li><a href=\"/documents\">Documents</a></li><li><a href=\"/entities\">Entities</a></li><li><a href=\"/upload\">Upload</a></li></ul></nav>");
        s.Append("<form role=\"search\" action=\"/search\" method=\"get\"><label for=\"q\" class=\"skip\">Search</label><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search documents, claims, quotes\" value=\"").Append(E(query)).Append("\"> <button type=\"submit\">Search</button></form></header>");
        s.Append("<main id=\"main\">");
        return s;
    }

    /// <summary>A search snippet, encoded, with the store's match markers turned into &lt;mark&gt;.</summary>
    public static string Snippet(string snippet) =>
        E(snippet).Replace(SearchHit.MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(SearchHit.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
}
