using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Finds the article in a page and labels the rest. Content scoring after Readability (Mozilla): every prose-like block
/// scores by its length and commas, the score flows to its parent and, diminished, to further ancestors; containers start
/// from their tag and class/id words and are discounted by their link density; the best container, widened to a common
/// ancestor when close rivals share one, plus qualifying siblings, is the article. Inside it, blocks the markup marks as
/// furniture (comments, adverts, captions, link lists) keep that kind; outside it, the markup context decides
/// (nav → navigation, aside → related, header → masthead, link-dense lists → teasers). Documents whose segments carry no
/// markup features go to <see cref="Fallback"/>.
/// </summary>
public sealed class HtmlBlockClassifier(IBlockClassifier fallback) : IBlockClassifier
{
    /// <summary>A classifier that falls back to markup hints for featureless documents.</summary>
    public HtmlBlockClassifier() : this(new HintBlockClassifier()) { }

    /// <summary>The classifier used for documents without markup features (plain text).</summary>
    public IBlockClassifier Fallback { get; } = fallback ?? throw new ArgumentNullException(nameof(fallback));

    // Readability's thresholds: blocks under 25 characters are not scored; a sibling joins the article with a score of
    // 20% of the winner (at least 10), or as a paragraph of 80+ characters with under 25% link text.
    private const int MinScoredLength = 25;
    private const double SiblingShare = 0.2;
    private const double RivalShare = 0.75;

    private sealed class Container(string path, string? parent)
    {
        public string Path { get; } = path;
        public string? Parent { get; } = parent;
        public double Score { get; set; }
        public double Chars { get; set; }
        public double LinkChars { get; set; }
        public bool Scored { get; set; }
        public double Final => Score * (1 - (Chars > 0 ? LinkChars / Chars : 0));
    }

    /// <inheritdoc />
    public IReadOnlyList<Block> Classify(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var segments = document.Segments;
        var hasFeatures = false;
        for (var i = 0; i < segments.Count && !hasFeatures; i++) hasFeatures = segments[i].Features is not null && segments[i].Path is not null;
        if (!hasFeatures) return Fallback.Classify(document);

        var containers = new Dictionary<string, Container>(StringComparer.Ordinal);
        var ancestry = new List<string>[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var chain = Ancestry(segment.Path);
            ancestry[i] = chain;
            var length = Feature(segment, HtmlFeatures.Length);
            var links = length * Feature(segment, HtmlFeatures.LinkDensity);
            string? parent = null;
            foreach (var path in chain)
            {
                if (!containers.TryGetValue(path, out var container))
                {
                    container = new Container(path, parent);
                    containers[path] = container;
                }
                container.Chars += length;
                container.LinkChars += links;
                parent = path;
            }
            if (length < MinScoredLength || !IsProse(segment)) continue;
            var score = 1 + Feature(segment, HtmlFeatures.Commas) + Math.Min(Math.Floor(length / 100), 3);
            // The block's own element is chain[^1]; its parent gets the full score, then 1/2, then 1/(3·level).
            for (int level = 0, at = chain.Count - 2; at >= 0 && level < 5; level++, at--)
            {
                var container = containers[chain[at]];
                if (!container.Scored)
                {
                    container.Score += InitialScore(chain[at]);
                    container.Scored = true;
                }
                container.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        var top = TopCandidate(containers);
        var included = top is null ? [] : Included(top, containers);
        return Label(document, ancestry, included);
    }

    private static Container? TopCandidate(Dictionary<string, Container> containers)
    {
        Container? top = null;
        foreach (var container in containers.Values)
            if (container.Scored && (top is null || container.Final > top.Final || (container.Final == top.Final && string.CompareOrdinal(container.Path, top.Path) < 0)))
                top = container;
        if (top is null) return null;
        // When close rivals outside the winner share an ancestor with it, the article is that ancestor (an article split
        // into several wrappers), as Readability does with its top five.
        var rivals = new List<Container>();
        foreach (var container in containers.Values)
            if (container != top && container.Scored && container.Final >= top.Final * RivalShare && !IsWithin(container.Path, top.Path) && !IsWithin(top.Path, container.Path))
                rivals.Add(container);
        if (rivals.Count >= 2)
        {
            var common = top.Path;
            var shared = 0;
            foreach (var rival in rivals)
            {
                var ancestor = CommonAncestor(common, rival.Path);
                if (ancestor is null || !containers.ContainsKey(ancestor) || ancestor.Count(c => c == '/') < 2) continue;
                common = ancestor;
                shared++;
            }
            if (shared >= 2 && containers.TryGetValue(common, out var widened)) top = widened;
        }
        // A winner that holds all the text of its parent is as good as the parent, whose siblings are then considered.
        while (top.Parent is not null && containers.TryGetValue(top.Parent, out var parent) && parent.Chars <= top.Chars + 1) top = parent;
        return top;
    }

    private static List<string> Included(Container top, Dictionary<string, Container> containers)
    {
        var included = new List<string> { top.Path };
        if (top.Parent is null) return included;
        var threshold = Math.Max(10, top.Final * SiblingShare);
        var topClasses = ClassPart(top.Path);
        foreach (var container in containers.Values)
        {
            if (container == top || container.Parent != top.Parent) continue;
            var bonus = topClasses.Length > 0 && ClassPart(container.Path) == topClasses ? top.Final * SiblingShare : 0;
            var density = container.Chars > 0 ? container.LinkChars / container.Chars : 1;
            var isParagraph = TagOf(LastName(container.Path)) == "p";
            if (container.Final + bonus >= threshold
                || (isParagraph && container.Chars > 80 && density < 0.25)
                || (isParagraph && container.Chars > 0 && density == 0 && container.Chars <= 80))
                included.Add(container.Path);
        }
        return included;
    }

    private static Block[] Label(SourceDocument document, List<string>[] ancestry, List<string> included)
    {
        var segments = document.Segments;
        var blocks = new Block[segments.Count];
        var titled = false;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var inArticle = false;
            foreach (var path in included)
            {
                if (!IsWithin(segment.Path!, path)) continue;
                inArticle = true;
                break;
            }
            var kind = inArticle ? InsideKind(segment) : OutsideKind(segment, titled);
            if (kind == BlockKind.Title) titled = true;
            blocks[i] = new Block(kind, segment.Start, segment.End);
        }
        return blocks;
    }

    private static BlockKind InsideKind(TextSegment segment)
    {
        if (segment.Hint is { } hint) return hint;
        if (Feature(segment, HtmlFeatures.Heading) == 1) return BlockKind.Title;
        if (MarkedKind(segment) is { } marked && marked != BlockKind.Body) return marked;
        var length = Feature(segment, HtmlFeatures.Length);
        var density = Feature(segment, HtmlFeatures.LinkDensity);
        if (Has(segment, "in.figure")) return BlockKind.Caption;
        if (Has(segment, "in.nav")) return BlockKind.Navigation;
        if (Has(segment, "in.aside")) return BlockKind.Related;
        // Readability drops link lists inside the article; a line that is mostly a link is a pointer elsewhere.
        if (density > 0.5 && length < 200) return Feature(segment, HtmlFeatures.ListItem) == 1 ? BlockKind.Related : BlockKind.Navigation;
        return BlockKind.Body;
    }

    private static BlockKind OutsideKind(TextSegment segment, bool titled)
    {
        if (segment.Hint is { } hint) return hint;
        if (!titled && Feature(segment, HtmlFeatures.Heading) == 1) return BlockKind.Title;
        if (MarkedKind(segment) is { } marked && marked != BlockKind.Body) return marked;
        var density = Feature(segment, HtmlFeatures.LinkDensity);
        var length = Feature(segment, HtmlFeatures.Length);
        if (Has(segment, "in.nav")) return BlockKind.Navigation;
        if (Has(segment, "in.aside")) return BlockKind.Related;
        if (Has(segment, "in.figure")) return BlockKind.Caption;
        if (Has(segment, "in.header") && !Has(segment, "in.article")) return BlockKind.Masthead;
        if (Has(segment, "in.footer")) return density > 0.5 ? BlockKind.Navigation : BlockKind.Other;
        if (density > 0.5) return length > 40 ? BlockKind.Teaser : BlockKind.Navigation;
        return BlockKind.Other;
    }

    private static BlockKind? MarkedKind(TextSegment segment)
    {
        if (segment.Features is null) return null;
        foreach (var kind in FurnitureKinds)
            if (Has(segment, HtmlFeatures.KindPrefix + kind.Name)) return kind.Kind;
        return null;
    }

    private static readonly (string Name, BlockKind Kind)[] FurnitureKinds =
    [
        ("comment", BlockKind.Comment), ("advert", BlockKind.Advert), ("navigation", BlockKind.Navigation),
        ("related", BlockKind.Related), ("teaser", BlockKind.Teaser), ("caption", BlockKind.Caption),
        ("credit", BlockKind.Credit), ("byline", BlockKind.Byline), ("masthead", BlockKind.Masthead), ("other", BlockKind.Other),
    ];

    private static bool IsProse(TextSegment segment) =>
        Feature(segment, HtmlFeatures.Heading) == 0 && Feature(segment, HtmlFeatures.LinkDensity) < 0.5;

    private static double InitialScore(string path)
    {
        var name = LastName(path);
        var tag = TagOf(name);
        double score = tag switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (tag == "article") score += 10;
        var classes = ClassPart(name);
        if (classes.Length > 0) score += HtmlClassHints.Score(classes).Weight;
        return score;
    }

    /// <summary>Every ancestor path of a segment's path, root first, ending with the path itself.</summary>
    private static List<string> Ancestry(string? path)
    {
        var chain = new List<string>();
        if (path is null) return chain;
        for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1)) chain.Add(path[..i]);
        chain.Add(path);
        return chain;
    }

    private static bool IsWithin(string path, string ancestor) =>
        path.Length == ancestor.Length ? path == ancestor : path.Length > ancestor.Length && path[ancestor.Length] == '/' && path.StartsWith(ancestor, StringComparison.Ordinal);

    private static string? CommonAncestor(string a, string b)
    {
        var end = -1;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n && a[i] == b[i]; i++)
            if (a[i] == '/') end = i;
        if (a.Length == b.Length && a == b) return a;
        if (IsWithin(a, b)) return b;
        if (IsWithin(b, a)) return a;
        return end > 0 ? a[..end] : null;
    }

    private static string LastName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string TagOf(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name : name[..bracket];
    }

    /// <summary>The id and class names of a path's last element, space-separated.</summary>
    private static string ClassPart(string pathOrName)
    {
        var name = LastName(pathOrName);
        var close = name.IndexOf(']', StringComparison.Ordinal);
        return close < 0 || close + 1 >= name.Length ? string.Empty : name[(close + 1)..].Replace('#', ' ').Replace('.', ' ').Trim();
    }

    private static double Feature(TextSegment segment, string name) =>
        segment.Features is not null && segment.Features.TryGetValue(name, out var value) ? value : 0;

    private static bool Has(TextSegment segment, string name) => Feature(segment, name) != 0;
}
