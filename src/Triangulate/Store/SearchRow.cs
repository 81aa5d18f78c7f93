using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// One text a store indexes for full-text search: what it is, its id, the story it belongs to (none for a document),
/// the document a hit links to, and the text searched.
/// </summary>
internal sealed record SearchRow(string Kind, string Id, string? Story, string Document, string Text)
{
    /// <summary>A document's row: its title and text.</summary>
    public static SearchRow Of(Document document) => OfDocument(document.Id, (document.Title ?? "") + "\n" + document.Text);

    /// <summary>The row of the document <paramref name="id"/> whose title and text are <paramref name="text"/>.</summary>
    public static SearchRow OfDocument(string id, string text) => new("document", id, null, id, text);

    /// <summary>
    /// A story's rows: its entities by every spelling they go by, one per line (a search for one spelling also finds
    /// the others), its claims and its quotes (with the speaker).
    /// </summary>
    public static IEnumerable<SearchRow> Of(StoryFindings findings)
    {
        var story = findings.Story.Id;
        foreach (var entity in findings.Entities)
            yield return new("entity", entity.Id, story, entity.Mentions.Count > 0 ? entity.Mentions[0].Document : "",
                string.Join('\n', [entity.Name, .. entity.Aliases]));
        foreach (var claim in findings.Claims)
            yield return new("claim", claim.Id, story,
                claim.Mentions.Count > 0 ? claim.Mentions[0].Span.Document : claim.Sources.Count > 0 ? claim.Sources[0] : "", claim.Text);
        foreach (var quote in findings.Quotes)
        {
            if (quote.Variants.Count == 0) continue;
            yield return new("quote", quote.Id, story, quote.Variants[0].Span.Document,
                (quote.Speaker is null ? "" : quote.Speaker + ": ") + quote.Variants[0].Text);
        }
    }

    /// <summary>The words of what a person typed or a text holds: runs of letters and digits (everything else separates).</summary>
    public static List<string> Words(string text) => [.. WordRanges(text).Select(r => text[r])];

    /// <summary>Where each word of <paramref name="text"/> is (see <see cref="Words"/>), in order.</summary>
    public static IEnumerable<Range> WordRanges(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            // A combining mark inside a word belongs to it (a decomposed accent does not split the word it is on).
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && IsMark(text[i])));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return start..i;
                start = -1;
            }
        }
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;
}
