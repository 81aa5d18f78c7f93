using System.Globalization;
using System.Net;
using System.Text;

namespace Triangulate.Report;

/// <summary>Writes <c>dossier.html</c>: one self-contained file (no external requests); all document text is HTML-encoded.</summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string FileName => "dossier.html";

    /// <inheritdoc />
    public void Write(DossierSource source, Stream output)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dossier</title>");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>");
        writer.WriteLine("</head><body><h1>Dossier</h1>");
        writer.WriteLine(string.Create(inv, $"<p>Generated {source.Generated:yyyy-MM-dd HH:mm} UTC.</p>"));
        writer.WriteLine("<h2>Documents</h2><table><thead><tr><th>id</th><th>title</th><th>outlet</th><th>language</th><th>source</th></tr></thead><tbody>");
        foreach (var d in source.Documents())
            writer.WriteLine(string.Create(inv, $"<tr><td>{E(d.Id)}</td><td>{E(d.Title)}</td><td>{E(d.Outlet)}</td><td>{E(d.Language)}</td><td>{E(d.Source)}</td></tr>"));
        writer.WriteLine("</tbody></table>");
        if (source.Problems.Count > 0)
        {
            writer.WriteLine("<h2>Problems</h2><ul>");
            foreach (var p in source.Problems) writer.WriteLine(string.Create(inv, $"<li><code>{E(p.Source)}</code>: {E(p.Error)}</li>"));
            writer.WriteLine("</ul>");
        }
        writer.WriteLine("</body></html>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
