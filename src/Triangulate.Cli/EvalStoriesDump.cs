using System.Globalization;
using System.Text;
using Triangulate.Link.Evaluation;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// What <c>eval stories --dump-corroborations FILE</c> counts and writes: claims carried by two or more documents,
/// counted for the look and held parts apart (by <see cref="StoryGold.IsHeld"/>, the split the story scores use), and
/// for the look part only each of them with its mentions' sentences, documents and gold stories, so that the
/// corroborations joining different gold stories can be read and sorted into classes (and the same-story ones
/// compared between two runs, to see what a rule costs), then the look part's contradictions with their claims. The
/// held part is counted, never written.
/// </summary>
internal static class EvalStoriesDump
{
    /// <summary>Claims carried by two or more documents of one part, and how many of those span different gold stories.</summary>
    internal readonly record struct PartCounts(int Shared, int Across);

    /// <summary>Look and held counts of shared claims (a claim with documents of both parts counts as held: it is not looked at).</summary>
    public static (PartCounts Look, PartCounts Held) Count(ICorpusReader corpus, CorpusResult result, StoryGold gold)
    {
        ArgumentNullException.ThrowIfNull(result);
        var urls = UrlsOf(corpus, gold);
        int lookShared = 0, lookAcross = 0, heldShared = 0, heldAcross = 0;
        foreach (var claim in result.Claims)
        {
            if (claim.Sources.Count < 2 || Part(claim, urls, gold) is not { } held) continue;
            var across = Across(claim, urls, gold);
            if (held) { heldShared++; heldAcross += across ? 1 : 0; }
            else { lookShared++; lookAcross += across ? 1 : 0; }
        }
        return (new PartCounts(lookShared, lookAcross), new PartCounts(heldShared, heldAcross));
    }

    /// <summary>Writes every look-part shared claim to <paramref name="path"/>: a header line, then one line per mention.</summary>
    public static void Write(string path, ICorpusReader corpus, CorpusResult result, StoryGold gold)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(result);
        var urls = UrlsOf(corpus, gold);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var claim in result.Claims.OrderBy(c => c.Story, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (claim.Sources.Count < 2 || Part(claim, urls, gold) is not false) continue;
            text.Append(inv, $"{(Across(claim, urls, gold) ? "ACROSS" : "same")}\t");
            WriteClaim(text, claim, corpus, urls, gold);
        }
        // The look part's contradictions, each with its claims: one whose claims' documents lie in two gold stories is
        // marked ACROSS.
        var claims = result.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var contradiction in result.Contradictions.OrderBy(c => c.Story, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var members = contradiction.Claims.Select(id => claims.GetValueOrDefault(id)).OfType<Claim>().ToList();
            var sources = members.SelectMany(c => c.Sources).Where(urls.ContainsKey).ToList();
            if (sources.Count == 0 || sources.Any(d => gold.IsHeld(urls[d]))) continue;
            var across = sources.Select(d => gold.Stories[urls[d]]).Distinct().Count() > 1;
            text.Append(inv, $"CONTRADICTION {(across ? "ACROSS" : "same")}\tstory={contradiction.Story}\tabout={contradiction.About}\t{contradiction.Explanation}\n");
            foreach (var claim in members)
            {
                text.Append("  claim\t");
                WriteClaim(text, claim, corpus, urls, gold);
            }
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>A claim's header line, then one line per mention: its document, gold story and sentence.</summary>
    private static void WriteClaim(StringBuilder text, Claim claim, ICorpusReader corpus, Dictionary<string, string> urls, StoryGold gold)
    {
        var inv = CultureInfo.InvariantCulture;
        var value = claim.Value is null ? "" : " value=" + Describe(claim.Value);
        text.Append(inv, $"{claim.Kind}\tstory={claim.Story}\tmeasure={claim.Measure}\tsubject={claim.Subject}\tstatus={claim.Status}{value}\ttime={claim.Time?.Start}..{claim.Time?.End}\n");
        foreach (var mention in claim.Mentions)
        {
            var document = corpus.FindDocument(mention.Span.Document);
            var url = urls.GetValueOrDefault(mention.Span.Document);
            var sentence = document is null ? mention.Span.Excerpt : Sentence(document.Text, mention.Span.Start, mention.Span.End);
            text.Append(inv, $"  {mention.Span.Document}\tgold={(url is null ? "?" : gold.Stories[url])}\t{sentence}\n");
        }
    }

    private static string Describe(QuantityValue value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Low}..{value.High}{(string.IsNullOrEmpty(value.Unit) ? "" : " " + value.Unit)}");

    /// <summary>The url of each document the gold knows, by document id.</summary>
    private static Dictionary<string, string> UrlsOf(ICorpusReader corpus, StoryGold gold)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (document, _) in corpus.ReadAnalyses())
            if (gold.Stories.ContainsKey(document.Source)) urls[document.Id] = document.Source;
        return urls;
    }

    /// <summary>True when the claim's documents that the gold knows lie in more than one gold story.</summary>
    private static bool Across(Claim claim, Dictionary<string, string> urls, StoryGold gold) =>
        claim.Sources.Select(d => urls.TryGetValue(d, out var url) ? gold.Stories[url] : null).Where(s => s is not null).Distinct().Count() > 1;

    /// <summary>False when every known document of the claim is in the look part, true when any is held, null when the gold knows none.</summary>
    private static bool? Part(Claim claim, Dictionary<string, string> urls, StoryGold gold)
    {
        var known = claim.Sources.Where(urls.ContainsKey).ToList();
        if (known.Count == 0) return null;
        return known.Any(d => gold.IsHeld(urls[d]));
    }

    /// <summary>The sentence around a span, on one line.</summary>
    private static string Sentence(string text, int start, int end)
    {
        var from = Math.Clamp(start, 0, text.Length);
        while (from > 0 && start - from < 400 && !(text[from - 1] is '\n' || (text[from - 1] is '.' or '!' or '?' && from < text.Length && char.IsWhiteSpace(text[from])))) from--;
        var to = Math.Clamp(end, from, text.Length);
        while (to < text.Length && to - end < 400 && !(text[to] is '\n' || (text[to] is '.' or '!' or '?' && (to + 1 >= text.Length || char.IsWhiteSpace(text[to + 1]))))) to++;
        var sentence = text[from..Math.Min(text.Length, to + 1)].Replace('\n', ' ').Replace('\t', ' ').Trim();
        return sentence + "  [" + text[Math.Clamp(start, 0, text.Length)..Math.Clamp(end, start, text.Length)].Replace('\n', ' ') + "]";
    }
}
