using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Extract.Claims;

/// <summary>
/// Finds outside sources a document names: statement citations in the body ("told X", "according to the X" where X is
/// an organisation, "(AP)"-style agency tags) and whole-document credits in any block ("Cre: X", "MUST CREDIT: X",
/// "Credit: X", "Source: X"). Outlets are recognised by where they stand, not by a list of names.
/// </summary>
public sealed partial class CitationExtractor : IExtractor
{
    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var speakers = context.Speakers;
        var seen = new HashSet<(int, int)>();
        foreach (var block in context.BodyBlocks)
        {
            var body = text.AsSpan(block.Start, block.End - block.Start);
            foreach (var match in BodyCitation().EnumerateMatches(body))
            {
                var m = BodyCitation().Match(text, block.Start + match.Index, match.Length);
                var g = m.Groups["name"].Success ? m.Groups["name"] : m.Groups["tag"];
                var start = g.Index;
                var end = g.Index + g.Length;
                var outlet = g.Value;
                if (outlet.EndsWith("'s", StringComparison.Ordinal) || outlet.EndsWith("’s", StringComparison.Ordinal)) { outlet = outlet[..^2]; end -= 2; }
                if (m.Groups["according"].Success)
                {
                    // "according to X" cites an outlet only when X is an organisation, not a person.
                    var entity = speakers.EntityAt(start, end);
                    if (entity is null || entity.Type != EntityType.Organization) continue;
                }
                if (!seen.Add((start, end))) continue;
                context.Citations.Add(new Citation { Outlet = outlet, Span = context.Span(start, end), Credit = false });
            }
        }
        foreach (var block in context.Document.Blocks)
        {
            if (block.End - block.Start > 200) continue;
            var m = CreditLine().Match(text, block.Start, block.End - block.Start);
            if (!m.Success) continue;
            var g = m.Groups["name"];
            var start = g.Index;
            var end = g.Index + g.Length;
            // A parenthesis repeats the credit in another form: "(Name/Outlet)". A photo credit names the photographer
            // and then the outlet: "Name for The Outlet" credits the outlet.
            var paren = text.IndexOf('(', start, end - start);
            if (paren > start) end = paren;
            var forAt = text.LastIndexOf(" for ", end - 1, end - start, StringComparison.OrdinalIgnoreCase);
            if (forAt > start) start = forAt + 5;
            while (end > start && text[end - 1] is '.' or ' ' or ',') end--;
            if (end <= start) continue;
            context.Citations.Add(new Citation { Outlet = text[start..end], Span = context.Span(start, end), Credit = true });
        }
    }

    [GeneratedRegex(@"\b(?:told|tells)\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+\p{Lu}[\p{L}\p{N}’'&.-]*){0,4})|(?<according>\baccording\s+to\s+(?:the\s+)?)(?<name>\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+\p{Lu}[\p{L}\p{N}’'&.-]*){0,4})|\((?<tag>\p{Lu}{2,6})\)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyCitation();

    [GeneratedRegex(@"^\s*(?:MUST\s+CREDIT|Cre|Credit|Credits|Source|Nguồn)\s*:\s*(?<name>\S.*?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CreditLine();
}
