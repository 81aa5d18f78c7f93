using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Extract.Claims;

/// <summary>
/// Finds outside sources a document names: statement citations in the body ("told X", "according to the X" where X is
/// an organisation, "(AP)"-style agency tags in a dateline) and whole-document credits in any block ("Cre: X", "MUST CREDIT: X",
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
                else if (m.Groups["tag"].Success)
                {
                    // "the Endangered Species Act (ESA)" defines an abbreviation; only a dateline's tag names an agency.
                    if (!IsDatelineTag(text, block.Start, m.Index, m.Index + m.Length)) continue;
                }
                else if (NamesPerson(text, start, end))
                {
                    // "told Judge Ana Ruiz", "told Ruiz": a person is the one told, not an outlet.
                    continue;
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

    /// <summary>
    /// True when the bracketed tag [open, close) stands as a wire dateline's agency: after a place written in capitals
    /// or at the line's start ("MARVALE (AP) — …"), or before a dash. Any other bracketed capitals abbreviate the words
    /// before them ("Internet Explorer (IE)", "Coordinated Universal Time (UTC)") and cite nobody.
    /// </summary>
    internal static bool IsDatelineTag(string text, int floor, int open, int close)
    {
        var after = close;
        while (after < text.Length && text[after] == ' ') after++;
        if (after < text.Length && text[after] is '—' or '–' or '-' or ':') return true;
        var i = open - 1;
        while (i >= floor && text[i] == ' ') i--;
        if (i < floor || text[i] is '\n' or '\r') return true;
        var letters = 0;
        for (; i >= floor && text[i] is not (' ' or '\n' or '\r'); i--)
        {
            if (char.IsLower(text[i])) return false;
            if (char.IsLetter(text[i])) letters++;
        }
        return letters >= 2;
    }

    /// <summary>
    /// True when the words [start, end) after "told" name a person: a title among them ("Superior Court Judge Ana
    /// Ruiz", "Mr. Ruiz"), or a first name of the given-names list opening a name of two or three words. The entity's
    /// type is not asked: outlets are often typed as people ("told Valley Weekly").
    /// </summary>
    private static bool NamesPerson(string text, int start, int end)
    {
        var name = text.AsSpan(start, end - start);
        var words = 0;
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            words++;
            if (word.Length > 0 && (ExtractLexicon.Titles.Has(word) || ExtractLexicon.Titles.Has(word.TrimEnd('.')))) return true;
        }
        return words is 2 or 3 && Entities.EntityLexicon.GenderOfName(name.ToString()) != 0;
    }

    [GeneratedRegex(@"\b(?:told|tells)\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+\p{Lu}[\p{L}\p{N}’'&.-]*){0,4})|(?<according>\baccording\s+to\s+(?:the\s+)?)(?<name>\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+\p{Lu}[\p{L}\p{N}’'&.-]*){0,4})|\((?<tag>\p{Lu}{2,6})\)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyCitation();

    [GeneratedRegex(@"^\s*(?:MUST\s+CREDIT|Cre|Credit|Credits|Source|Nguồn)\s*:\s*(?<name>\S.*?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CreditLine();
}
