using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>Writes <c>dossier.md</c>: what an analyst reads first. Every line names its document.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string FileName => "dossier.md";

    /// <inheritdoc />
    public void Write(DossierSource source, Stream output)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine("# Dossier");
        writer.WriteLine();
        writer.WriteLine(string.Create(inv, $"Generated {source.Generated:yyyy-MM-dd HH:mm} UTC."));
        writer.WriteLine();
        writer.WriteLine("## Documents");
        writer.WriteLine();
        writer.WriteLine("| id | title | outlet | published | language | source |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (var d in source.Documents())
            writer.WriteLine(string.Create(inv, $"| {d.Id} | {Cell(d.Title)} | {Cell(d.Outlet)} | {Cell(d.Published?.Date?.ToString())} | {d.Language} | {Cell(d.Source)} |"));
        writer.WriteLine();
        if (source.Problems.Count > 0)
        {
            writer.WriteLine("## Problems");
            writer.WriteLine();
            foreach (var p in source.Problems) writer.WriteLine(string.Create(inv, $"- `{p.Source}`: {p.Error}"));
            writer.WriteLine();
        }
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    internal static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
