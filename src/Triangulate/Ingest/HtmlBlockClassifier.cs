using System.Collections.Frozen;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Finds the article in a page and labels the rest. Content scoring after Readability (Mozilla): every prose-like block
/// scores by its length and commas, the score flows to its parent and, diminished, to further ancestors; containers start
/// from their tag and class/id words and are discounted by their link density; the best container, widened to a common
/// ancestor when close rivals share one or to an ancestor that is itself a close rival, plus qualifying siblings, is the
/// article. Inside it, blocks the markup marks as
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
    private const int MinSiblingBoxChars = 100;

    private sealed class Container(string path, Container? parent)
    {
        public string Path { get; } = path;
        public Container? Parent { get; } = parent;
        public double Score { get; set; }
        public double Chars { get; set; }
        public double LinkChars { get; set; }
        public double Commas { get; set; }
        public bool Scored { get; set; }
        public bool Included { get; set; }
        /// <summary>One of three or more sibling boxes of one shape (tag and classes) holding a linked line and another line.</summary>
        public bool Card { get; set; }
        public int Lines { get; set; }
        public int LinkLines { get; set; }
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

        // One node per element path, created parents first; each segment adds its characters to its own element only,
        // and the sums flow up once at the end, so no segment re-walks (or re-cuts) its ancestry.
        var tree = new ContainerTree();
        var owners = new Container?[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Path is null) continue;
            var own = tree.Node(segment.Path);
            owners[i] = own;
            var length = Feature(segment, HtmlFeatures.Length);
            own.Chars += length;
            own.LinkChars += length * Feature(segment, HtmlFeatures.LinkDensity);
            own.Commas += Feature(segment, HtmlFeatures.Commas);
            own.Lines++;
            if (Feature(segment, HtmlFeatures.LinkDensity) >= MinTeaserLinkDensity) own.LinkLines++;
            if (length < MinScoredLength || !IsProse(segment)) continue;
            var score = 1 + Feature(segment, HtmlFeatures.Commas) + Math.Min(Math.Floor(length / 100), 3);
            // The parent gets the full score, then 1/2, then 1/(3·level). Text written straight into a div or section is a
            // paragraph of that element (Readability turns such runs into <p>s), so that element is its parent.
            var level = 0;
            for (var container = HoldsTextDirectly(own.Path) ? own : own.Parent; container is not null && level < 5; container = container.Parent, level++)
            {
                if (!container.Scored)
                {
                    container.Score += InitialScore(container.Path);
                    container.Scored = true;
                }
                container.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        var all = tree.All;
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (all[i].Parent is not { } parent) continue;
            parent.Chars += all[i].Chars;
            parent.LinkChars += all[i].LinkChars;
            parent.Commas += all[i].Commas;
            parent.Lines += all[i].Lines;
            parent.LinkLines += all[i].LinkLines;
        }

        MarkCards(all);
        var top = TopCandidate(tree);
        if (top is not null) Include(top, all);
        return Label(document, owners);
    }

    // A teaser card: a small box (a linked headline and a summary, a time stamp or a label), one of a row of three or
    // more siblings of one shape. The article's own paragraphs are one line each, so a box of one line is never a card.
    private const int MaxCardChars = 400;
    private const int MinCards = 3;
    private const int MinCardLines = 2;

    /// <summary>
    /// Marks the cards of a teaser row: sibling boxes (not paragraphs, list items or inline elements) that share a tag and
    /// a class list (the id left out: a card's id numbers its post), each under <see cref="MaxCardChars"/> characters,
    /// holding two lines or more of which one is a link whole (<see cref="MinTeaserLinkDensity"/>), three of them or more
    /// under one parent. The shape repeats, not the words: a related-posts grid whose summaries are plain text, which no
    /// line-by-line link share catches. One pass over the elements, one dictionary lookup each.
    /// </summary>
    private static void MarkCards(List<Container> all)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string?[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var container = all[i];
            if (container.Parent is null || container.LinkLines == 0 || container.Lines < MinCardLines || container.Chars >= MaxCardChars) continue;
            if (ShapeOf(LastName(container.Path)) is not { } shape) continue;
            var key = container.Parent.Path + "/" + shape;
            keys[i] = key;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        for (var i = 0; i < all.Count; i++)
            if (keys[i] is { } key && counts[key] >= MinCards) all[i].Card = true;
    }

    /// <summary>A box's shape: its tag and class names without its position and id ("div.card.card--small"); null for paragraphs, list items, inline elements and boxes without a class.</summary>
    private static string? ShapeOf(string name)
    {
        var tag = TagOf(name);
        if (tag is "p" or "li" or "a" or "span" or "td" or "tr") return null;
        var close = name.IndexOf(']', StringComparison.Ordinal);
        var classes = close < 0 ? "" : name[(close + 1)..];
        if (classes.StartsWith('#'))
        {
            var dot = classes.IndexOf('.', StringComparison.Ordinal);
            classes = dot < 0 ? "" : classes[dot..];
        }
        return classes.Length == 0 ? null : tag + classes;
    }

    /// <summary>Containers by path; <see cref="All"/> lists them parents before children.</summary>
    private sealed class ContainerTree
    {
        private readonly Dictionary<string, Container> _byPath = new(StringComparer.Ordinal);
        private readonly List<string> _missing = [];

        public List<Container> All { get; } = [];

        public bool TryGet(string path, out Container container) => _byPath.TryGetValue(path, out container!);

        public Container Node(string path)
        {
            if (_byPath.TryGetValue(path, out var found)) return found;
            // Collect the missing ancestors up to the first known one, then create them top-down.
            _missing.Clear();
            Container? parent = null;
            var current = path;
            while (true)
            {
                _missing.Add(current);
                var slash = current.LastIndexOf('/');
                if (slash < 0) break;
                current = current[..slash];
                if (_byPath.TryGetValue(current, out parent)) break;
            }
            for (var i = _missing.Count - 1; i >= 0; i--)
            {
                var node = new Container(_missing[i], parent);
                _byPath[node.Path] = node;
                All.Add(node);
                parent = node;
            }
            return parent!;
        }
    }

    private static Container? TopCandidate(ContainerTree tree)
    {
        var containers = tree.All;
        Container? top = null;
        foreach (var container in containers)
            if (container.Scored && (top is null || container.Final > top.Final || (container.Final == top.Final && string.CompareOrdinal(container.Path, top.Path) < 0)))
                top = container;
        if (top is null) return null;
        // When close rivals outside the winner share an ancestor with it, the article is that ancestor (an article split
        // into several wrappers), as Readability does with its top five.
        var rivals = new List<Container>();
        foreach (var container in containers)
            if (container != top && container.Scored && container.Final >= top.Final * RivalShare && !IsWithin(container.Path, top.Path) && !IsWithin(top.Path, container.Path))
                rivals.Add(container);
        if (rivals.Count >= 2)
        {
            var common = top.Path;
            var shared = 0;
            foreach (var rival in rivals)
            {
                var ancestor = CommonAncestor(common, rival.Path);
                if (ancestor is null || !tree.TryGet(ancestor, out _) || Slashes(ancestor) < 2) continue;
                common = ancestor;
                shared++;
            }
            if (shared >= 2 && tree.TryGet(common, out var widened)) top = widened;
        }
        top = ClimbToRival(top);
        // A winner that holds all the text of its parent is as good as the parent, whose siblings are then considered.
        while (top.Parent is { } parent && parent.Chars <= top.Chars + 1) top = parent;
        return top;
    }

    // An ancestor must hold at least this many times the winner's text to be read as the article around it.
    private const double MinAncestorTextRatio = 2;

    /// <summary>
    /// An ancestor of the winner that is itself a close rival (its link-discounted score at least <see cref="RivalShare"/>
    /// of the winner's) and holds at least as much text again is the article: its score comes from paragraphs beside the
    /// winner, so the winner is one part of an article split into sibling boxes (a part nested deeper than the rest, in a
    /// collapsible panel say, scores its own wrappers, never that ancestor). Readability climbs the same way from its top
    /// candidate to an ancestor that outscores it. The climb stops at an &lt;article&gt;: the HTML standard's
    /// self-contained composition, which the text around it would read as a nested story.
    /// </summary>
    private static Container ClimbToRival(Container top)
    {
        for (var below = top; below.Parent is { } ancestor && TagOf(LastName(ancestor.Path)) is not ("body" or "html"); below = ancestor)
        {
            if (TagOf(LastName(below.Path)) == "article") break;
            if (ancestor.Scored && ancestor.Final >= top.Final * RivalShare && ancestor.Chars >= top.Chars * MinAncestorTextRatio) return ancestor;
        }
        return top;
    }

    private static bool HoldsTextDirectly(string path) => TagOf(LastName(path)) is "div" or "section" or "article" or "main";

    private static int Slashes(string path)
    {
        var count = 0;
        foreach (var c in path) if (c == '/') count++;
        return count;
    }

    /// <summary>Marks the article: the winner and its qualifying siblings.</summary>
    private static void Include(Container top, List<Container> containers)
    {
        top.Included = true;
        if (top.Parent is null) return;
        var threshold = Math.Max(10, top.Final * SiblingShare);
        var topClasses = ClassPart(top.Path);
        foreach (var container in containers)
        {
            if (container == top || container.Parent != top.Parent) continue;
            var bonus = topClasses.Length > 0 && ClassPart(container.Path) == topClasses ? top.Final * SiblingShare : 0;
            var density = container.Chars > 0 ? container.LinkChars / container.Chars : 1;
            var isParagraph = TagOf(LastName(container.Path)) == "p";
            // A short box's score is its class words ("block-article"), not its text: it joins only as a paragraph would.
            if (!isParagraph && container.Chars < MinSiblingBoxChars) continue;
            if (container.Final + bonus >= threshold
                || (isParagraph && container.Chars > 80 && density < 0.25)
                || (isParagraph && container.Chars > 0 && density == 0 && container.Chars <= 80))
                container.Included = true;
        }
    }

    // A box inside the article that is mostly links (a teaser list whose summaries are plain text) points elsewhere,
    // whatever its lines look like one by one.
    private const int MinLinkListChars = 200;
    private const double MaxArticleLinkShare = 0.5;

    private static Block[] Label(SourceDocument document, Container?[] owners)
    {
        var segments = document.Segments;
        var blocks = new Block[segments.Count];
        var boxes = new Container?[segments.Count];
        var cardLine = new bool[segments.Count];
        var titled = false;
        var title = document.Metadata.Title?.Trim();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var inArticle = false;
            var linkList = false;
            var box = owners[i];
            while (box is not null && !box.Included) box = box.Parent;
            boxes[i] = box;
            for (var container = owners[i]; container is not null && !inArticle; container = container.Parent)
            {
                linkList |= box is not null && container != box && IsNestedStory(container, box);
                inArticle = container.Included;
                linkList |= !inArticle && container.Chars >= MinLinkListChars && container.LinkChars > container.Chars * MaxArticleLinkShare
                    && TagOf(LastName(container.Path)) != "p";
                linkList |= !inArticle && IsConditionalBox(container);
                cardLine[i] |= !inArticle && container.Card;
            }
            var kind = inArticle ? InsideKind(document.Text, segment, trustPointerMarks: true) : OutsideKind(segment, titled);
            if (inArticle && linkList && kind == BlockKind.Body) kind = BlockKind.Related;
            if (kind == BlockKind.Body) kind = BodyKind(document.Text, segment, owners[i], title);
            if (kind == BlockKind.Title) titled = true;
            blocks[i] = new Block(kind, segment.Start, segment.End);
        }
        KeepStory(document.Text, segments, owners, boxes, blocks, title);
        MarkPointersAfterText(segments, blocks);
        MarkCommentThread(document.Text, segments, blocks);
        MarkTrailingHeadings(segments, blocks);
        MarkCardsAfterText(segments, blocks, cardLine, boxes);
        return blocks;
    }

    private static BlockKind BodyKind(string text, TextSegment segment, Container? element, string? title) =>
        RepeatsTitle(text, segment, title) ? BlockKind.Title : BodyLineKind(text, segment, element);

    private static bool IsProseLine(TextSegment segment) =>
        Feature(segment, HtmlFeatures.Length) >= MinProseLineLength && Feature(segment, HtmlFeatures.LinkDensity) < MaxProseLinkDensity
        && Feature(segment, HtmlFeatures.Heading) == 0;

    /// <summary>
    /// The article box was chosen for its prose; when its own labels then leave it without a single prose line (a
    /// stream of stories, each an &lt;article&gt; read as a nested story, or the story's one box named "teaser"), the
    /// labels contradict the choice, and the first story they took is the text: the page's own story comes first in a
    /// stream, and the box named as a teaser is then the only story there is. Its lines are labelled again without the
    /// nesting and class-word kinds; every other test still applies.
    /// </summary>
    private static void KeepStory(string text, IReadOnlyList<TextSegment> segments, Container?[] owners, Container?[] boxes, Block[] blocks, string? title)
    {
        var first = -1;
        for (var i = 0; i < blocks.Length; i++)
        {
            if (boxes[i] is null || !IsProseLine(segments[i])) continue;
            if (blocks[i].Kind == BlockKind.Body) return;
            if (first < 0 && blocks[i].Kind is BlockKind.Related or BlockKind.Teaser) first = i;
        }
        if (first < 0 || owners[first] is not { } own || boxes[first] is not { } box) return;
        // The story: the outermost element under the box that is a nested story or is named a teaser or related box,
        // else the box itself (named so, or inside a wrapper so named).
        var story = box;
        for (var container = own; container is not null && container != box; container = container.Parent)
            if (IsPointerBox(container, box)) story = container;
        for (var i = first; i < blocks.Length; i++)
        {
            if (!IsPointerKind(blocks[i].Kind) || owners[i] is not { } element || !IsWithin(element.Path, story.Path)) continue;
            // A teaser or related box inside the story (its own "More on this" list), or a story nested in it, stays what it is.
            var inner = false;
            for (var container = element; container != story && !inner; container = container.Parent!) inner = IsPointerBox(container, box);
            if (!inner && InsideKind(text, segments[i], trustPointerMarks: false) == BlockKind.Body)
                blocks[i] = blocks[i] with { Kind = BodyKind(text, segments[i], element, title) };
        }
    }

    private static bool IsPointerKind(BlockKind kind) => kind is BlockKind.Related or BlockKind.Teaser;

    /// <summary>Whether an element under the article's box is a nested story or is named a teaser or related box.</summary>
    private static bool IsPointerBox(Container container, Container box) => IsNestedStory(container, box) || NamesPointer(container);

    /// <summary>Whether an element's own class/id words name a teaser or related box ("teaser", "related", "more").</summary>
    private static bool NamesPointer(Container container) =>
        ClassPart(container.Path) is { Length: > 0 } classes && HtmlClassHints.Score(classes) is { Weight: < 0 } hint && IsPointerKind(hint.Kind);

    // A story inside the article holding under half of it is another story: a teaser card or a reader's comment (HTML
    // nests both as <article> elements in the page's main one).
    private const double MaxNestedStoryShare = 0.5;

    /// <summary>
    /// An &lt;article&gt; inside the article's box that holds under half of that box's text is a composition of its
    /// own (the HTML standard's use for teaser cards and comments), not the story's text; one holding most of it is the
    /// story itself in a wrapper.
    /// </summary>
    private static bool IsNestedStory(Container container, Container box) =>
        TagOf(LastName(container.Path)) == "article" && container.Chars < box.Chars * MaxNestedStoryShare;

    // A prose line: long enough to be a sentence or more, next to no link text.
    private const int MinProseLineLength = 100;
    private const double MaxProseLinkDensity = 0.2;

    /// <summary>
    /// After the article's last prose line, a line that is not a paragraph and carries a link points elsewhere ("More
    /// coverage: …", a "Related" heading with its links): trafilatura's test, with a looser limit for the last element of a
    /// box. An embedded post keeps its attribution line.
    /// </summary>
    private static void MarkPointersAfterText(IReadOnlyList<TextSegment> segments, Block[] blocks)
    {
        var last = -1;
        for (var i = 0; i < blocks.Length; i++)
            if (blocks[i].Kind == BlockKind.Body && Feature(segments[i], HtmlFeatures.Length) >= MinProseLineLength
                && Feature(segments[i], HtmlFeatures.LinkDensity) < MaxProseLinkDensity)
                last = i;
        if (last < 0) return;
        for (var i = last + 1; i < blocks.Length; i++)
        {
            var segment = segments[i];
            if (blocks[i].Kind == BlockKind.Body && Feature(segment, HtmlFeatures.LinkDensity) > 0
                && Feature(segment, HtmlFeatures.Paragraph) == 0 && !Has(segment, "in.blockquote"))
                blocks[i] = blocks[i] with { Kind = BlockKind.Related };
        }
    }

    /// <summary>
    /// A heading that is nothing but a comment cue ("Comments", "Leave a Reply"), once the article's text has begun, opens
    /// the readers' thread: the text lines below it are comments, however plain their markup.
    /// </summary>
    private static void MarkCommentThread(string text, IReadOnlyList<TextSegment> segments, Block[] blocks)
    {
        var begun = false;
        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i].Kind == BlockKind.Body) begun = true;
            if (!begun || Feature(segments[i], HtmlFeatures.Heading) == 0) continue;
            var line = text.AsSpan(segments[i].Start, segments[i].End - segments[i].Start);
            if (LineFeatures.Of(line) is not { Cue: BlockKind.Comment, CueStrength: >= 3 }) continue;
            for (var j = i + 1; j < blocks.Length; j++)
                if (blocks[j].Kind == BlockKind.Body) blocks[j] = blocks[j] with { Kind = BlockKind.Comment };
            return;
        }
    }

    /// <summary>
    /// A subheading (h2–h6) with no text line after it anywhere in the article heads nothing of the story: a closing
    /// "Tell us what you think", "In video: …" over an embed, a related list's heading (trafilatura drops a title that is
    /// last in the text, its NOT_AT_THE_END rule). A short line set apart from the paragraphs whose own class names a
    /// heading (<c>div.heading-h3</c>, a styled "More stories" over a dropped list) is a subheading too.
    /// </summary>
    private static void MarkTrailingHeadings(IReadOnlyList<TextSegment> segments, Block[] blocks)
    {
        var last = -1;
        for (var i = 0; i < blocks.Length; i++)
            if (blocks[i].Kind == BlockKind.Body && Feature(segments[i], HtmlFeatures.Heading) == 0 && !NamedHeading(segments[i])) last = i;
        for (var i = last + 1; i < blocks.Length; i++)
            if (blocks[i].Kind == BlockKind.Body && (Feature(segments[i], HtmlFeatures.Heading) >= 2 || NamedHeading(segments[i])))
                blocks[i] = blocks[i] with { Kind = BlockKind.Title };
    }

    /// <summary>
    /// After the article's last prose line outside a card, the lines of teaser cards point elsewhere (a "more stories" row
    /// of headlines and summaries set into the article's box): the position after the text and the repeated shape
    /// together. When the cards hold half the article's text or more, they are the page's content (a listing, a set of
    /// entries) and keep their labels.
    /// </summary>
    private static void MarkCardsAfterText(IReadOnlyList<TextSegment> segments, Block[] blocks, bool[] cardLine, Container?[] boxes)
    {
        double cards = 0, inside = 0;
        for (var i = 0; i < blocks.Length; i++)
        {
            if (boxes[i] is null) continue;
            var length = segments[i].End - segments[i].Start;
            inside += length;
            if (cardLine[i]) cards += length;
        }
        if (cards >= inside * MaxNestedStoryShare) return;
        var last = -1;
        for (var i = 0; i < blocks.Length; i++)
            if (blocks[i].Kind == BlockKind.Body && !cardLine[i] && IsProseLine(segments[i])) last = i;
        if (last < 0) return;
        for (var i = last + 1; i < blocks.Length; i++)
            if (cardLine[i] && blocks[i].Kind == BlockKind.Body) blocks[i] = blocks[i] with { Kind = BlockKind.Related };
    }

    /// <summary>
    /// Whether a short line that is not a paragraph sits in an element whose own class names a heading ("heading",
    /// "headline", "title" inside a class name: <c>heading-h3</c>, <c>section-title</c>): a heading styled with a class
    /// instead of an h-tag, the page's own vocabulary for the role.
    /// </summary>
    private static bool NamedHeading(TextSegment segment)
    {
        if (segment.Path is not { } path || Feature(segment, HtmlFeatures.Paragraph) == 1 || Feature(segment, HtmlFeatures.Length) > MaxDateLineLength) return false;
        var classes = ClassPart(LastName(path));
        foreach (var range in classes.AsSpan().Split(' '))
        {
            var word = classes.AsSpan()[range];
            if (word.Contains("heading", StringComparison.OrdinalIgnoreCase) || word.Contains("headline", StringComparison.OrdinalIgnoreCase)
                || word.Contains("title", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    // After Readability's conditional cleaning (a box with under 10 commas and over a fifth of its text in links goes),
    // narrowed: Readability's own thresholds also took lists the annotators kept (recall fell on 6 pages).
    private const int MaxBoxCommas = 3;
    private const int MaxBoxChars = 500;
    private const double MinBoxLinkShare = 0.35;
    private const double MinContentClassWeight = 25;

    /// <summary>
    /// A small box inside the article with next to no commas (no prose) and over a third of its text in links is a
    /// set of pointers ("Read our guide: …"), whatever its lines look like one by one, unless its class says content.
    /// </summary>
    private static bool IsConditionalBox(Container container) =>
        TagOf(LastName(container.Path)) is "div" or "section" or "ul" or "ol" or "table" or "form"
        && container.Commas < MaxBoxCommas && container.Chars < MaxBoxChars && container.LinkChars > container.Chars * MinBoxLinkShare
        && HtmlClassHints.Score(ClassPart(container.Path)).Weight < MinContentClassWeight;

    /// <summary>
    /// A line that is the page's title (its metadata headline) written again, in whatever element: the headline set as a
    /// styled paragraph, never the article's text.
    /// </summary>
    private static bool RepeatsTitle(string text, TextSegment segment, string? title) =>
        title is { Length: >= 10 } && segment.End - segment.Start == title.Length
        && text.AsSpan(segment.Start, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase);

    // A short line that is not a paragraph and carries a date ("Monday, 22 January 2018 at 0:13", "05/10/2018 - Posted
    // by ...") is the article's time stamp, not its text.
    private const int MaxDateLineLength = 80;

    private const int MaxCaptionLength = 240;

    /// <summary>
    /// What a line the markup left as body says of itself: a short non-paragraph line with a date is the time stamp; a
    /// whole-line furniture cue ("DON'T MISS", "Related"), paragraph or not, from the text-capture lexicon is that
    /// furniture; a short line opening with an update cue and giving a date or time is the revision stamp; short text in
    /// an element, or a child of one, whose class names a picture ("photo", "image", "img") is its caption.
    /// </summary>
    private static BlockKind BodyLineKind(string text, TextSegment segment, Container? element)
    {
        var length = segment.End - segment.Start;
        if (length > MaxCaptionLength) return BlockKind.Body;
        var line = text.AsSpan(segment.Start, length);
        // A quotation keeps its own attribution line ("— Name (@handle) November 19, 2019" under an embedded post).
        var quoted = Has(segment, "in.blockquote");
        // A paragraph that is nothing but a date and its cues ("Updated on: November 19, 2019 / 10:07 AM") is a time stamp too.
        if (!quoted && length <= MaxDateLineLength && line.Count(' ') < DateText.MaxDateLineWords && DateText.Line(line.ToString(), monthFirst: true) is not null)
            return BlockKind.Dateline;
        // A short line that opens by naming an update and then gives its date or time ("Updated at 1:23 p.m.", "Article
        // mis à jour le 7 janvier 2020.") is the revision stamp, however it is worded around the cue.
        if (!quoted && length <= MaxDateLineLength && DateText.OpensWithUpdate(line)) return BlockKind.Dateline;
        if (!quoted && IsControlLabel(line)) return BlockKind.Navigation;
        // A row of labelled fields ("05/10/2018 - Posted by: Name - Category: Health - Tags: …") is the post's metadata,
        // paragraph or not: its time stamp when it gives a date, else its taxonomy's links.
        if (!quoted && LineFeatures.IsLabelledFields(line))
            return DateText.Find(line.ToString(), monthFirst: false) is not null ? BlockKind.Dateline : BlockKind.Navigation;
        // A whole-line cue says what follows whatever element holds it: a paragraph "You may also like:" too.
        if (length <= MaxDateLineLength && LineFeatures.Of(line) is { Cue: { } cue, CueStrength: >= 3 } && cue != BlockKind.Body) return cue;
        // Short text in a caption-sized element, or a child of one, whose class names a picture ("img-metadata",
        // "image-meta" > p) is the picture's caption or credit, a paragraph too; a larger box so named ("content-imagetext")
        // sets text beside a picture and keeps it.
        // A caption that ends with its credit after a bar ("Friends at the 1975 Masters. | © Agency/Getty Images"), in a
        // paragraph or not: the credit says what the line is.
        if (!quoted && EndsWithCredit(line)) return BlockKind.Caption;
        if (Feature(segment, HtmlFeatures.Paragraph) == 1)
        {
            if (quoted) return BlockKind.Body;
            // A short paragraph that opens by crediting a picture ("Foto: Name (Copyright)", "Photo: Name, AP") is the
            // picture's credit: an agency's notice ("© dpa-infocom, …") names no picture and stays.
            if (length <= MaxDateLineLength && OpensWithPictureCredit(line)) return BlockKind.Credit;
            return InPictureBox(element) ? BlockKind.Caption : BlockKind.Body;
        }
        // A line set apart from the paragraphs that opens with a credit ("© Name …", "Photo: Name") is a picture's caption
        // and credit, or the page's copyright notice. Paragraphs are left alone: the annotators keep an agency's notice
        // written as one.
        if (!quoted && LineFeatures.Of(line).CreditAt == 0) return BlockKind.Credit;
        var last = line[^1];
        var endsSentence = last is '.' or '!' or '?' or '"' or '”';
        if (!quoted && length <= MaxDateLineLength && !endsSentence && DateText.Find(line.ToString(), monthFirst: false) is not null) return BlockKind.Dateline;
        if (segment.Path is { } path && NamesPicture(ClassPart(path))) return BlockKind.Caption;
        return InPictureBox(element) ? BlockKind.Caption : BlockKind.Body;
    }

    // The credit cues (Data/furniture-cues.tsv) that name a picture, in the languages of the cue list.
    private static readonly FrozenSet<string> PictureCreditWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "photo", "photos", "image", "images", "picture", "foto", "fotos", "fotó", "bild", "bilder", "beeld", "фото");

    /// <summary>Whether a line opens with a credit cue (<see cref="LineFeatures.CreditAt"/> 0) whose first word names a picture.</summary>
    private static bool OpensWithPictureCredit(ReadOnlySpan<char> line)
    {
        // The first word is looked up before the line's features are made: most short paragraphs open with no such word.
        var end = 0;
        while (end < line.Length && char.IsLetter(line[end])) end++;
        return end > 0 && PictureCreditWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(line[..end]) && LineFeatures.Of(line).CreditAt == 0;
    }

    /// <summary>Whether the line's last bar-separated part is a copyright credit ("… | © Name/Agency").</summary>
    private static bool EndsWithCredit(ReadOnlySpan<char> line)
    {
        var bar = line.LastIndexOf('|');
        return bar > 0 && line[(bar + 1)..].TrimStart() is { Length: > 1 } credit && credit[0] == '©';
    }

    // The labels of a gallery's or dialog's buttons, written as text when the page's script is not run. Kept apart from
    // the furniture cues: those also match inside short lines of text captures, where "close" is an ordinary word.
    private static readonly FrozenSet<string> ControlLabels = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "close", "caption");

    private const int MaxControlLabelLength = 12;

    /// <summary>A line that is nothing but an on-screen control's label ("Caption", "Close") is navigation, not text.</summary>
    private static bool IsControlLabel(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxControlLabelLength) return false;
        var word = line.Trim().TrimEnd(".:…×✕");
        return ControlLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static bool NamesPicture(string classes)
    {
        foreach (var range in classes.AsSpan().Split(' '))
        {
            var word = classes.AsSpan()[range];
            if (word.StartsWith("photo", StringComparison.OrdinalIgnoreCase) || word.StartsWith("image", StringComparison.OrdinalIgnoreCase)
                || word.Equals("picture", StringComparison.OrdinalIgnoreCase) || word.Equals("img", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the line's element or its parent holds no more text than a caption and has a class/id word that is a
    /// picture ("photo", "image", "img", "picture", or their plurals), the names cut into words at non-letters and
    /// camelCase as <see cref="HtmlClassHints"/> cuts them ("img-metadata", "ksf-image-meta", "articleCoverImg"). Whole
    /// words only: "content-imagetext" names a box of text set beside a picture.
    /// </summary>
    private static bool InPictureBox(Container? element)
    {
        for (var (box, level) = (element, 0); box is not null && level < 2; box = box.Parent, level++)
            if (box.Chars <= MaxCaptionLength && HasPictureWord(box.Path.AsSpan(box.Path.LastIndexOf('/') + 1))) return true;
        return false;
    }

    private static readonly FrozenSet<string> PictureWords =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "photo", "photos", "image", "images", "img", "picture", "pictures");

    /// <summary>Whether the id and class names of one path step (<c>div[2]#main.photo-box</c>) hold a picture word.</summary>
    private static bool HasPictureWord(ReadOnlySpan<char> name)
    {
        var close = name.IndexOf(']');
        if (close < 0) return false;
        name = name[(close + 1)..];
        var words = PictureWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetter(name[i]) || (start >= 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (boundary && start >= 0)
            {
                if (words.Contains(name[start..i])) return true;
                start = -1;
            }
            if (i < name.Length && char.IsLetter(name[i]) && start < 0) start = i;
        }
        return false;
    }

    private const double MinTeaserLinkDensity = 0.8;

    // A sentence: six words or more, ending as a sentence ends. A pointer ("Storm tracker", "Live: the port closes") is a
    // name or a headline, which ends without a stop; a line with a few linked words that ends with one is written prose.
    private const int MinSentenceSpaces = 5;

    /// <summary>
    /// Whether a line reads as a written sentence (six words or more, ending with a full stop, a question or exclamation
    /// mark or a closing quote) rather than a link's label: "Follow the desk on Facebook, X and Instagram." with its three
    /// names linked is still the writer's sentence.
    /// </summary>
    private static bool ReadsAsSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        return line.Length > 0 && (line[^1] is '.' or '!' or '?' or '"' or '\u201D') && line.Count(' ') >= MinSentenceSpaces;
    }

    /// <summary>
    /// What a line inside the article is. With <paramref name="trustPointerMarks"/> off, a teaser or related kind that
    /// the line inherits from a class word is not read (the story's own box so named); other class-word kinds are.
    /// </summary>
    private static BlockKind InsideKind(string text, TextSegment segment, bool trustPointerMarks)
    {
        if (segment.Hint is { } hint) return hint;
        if (Feature(segment, HtmlFeatures.Heading) == 1) return BlockKind.Title;
        if (MarkedKind(segment) is { } marked && marked != BlockKind.Body && (trustPointerMarks || !IsPointerKind(marked))) return marked;
        var length = Feature(segment, HtmlFeatures.Length);
        var density = Feature(segment, HtmlFeatures.LinkDensity);
        if (Has(segment, "in.figure")) return BlockKind.Caption;
        if (Has(segment, "in.nav")) return BlockKind.Navigation;
        if (Has(segment, "in.aside")) return BlockKind.Related;
        // The article's own header holds its headline, kicker, byline and time stamp, not its text (trafilatura's
        // precision mode drops every header).
        if (Has(segment, "in.header")) return BlockKind.Other;
        // Readability drops link lists inside the article; a line that is mostly a link is a pointer elsewhere. Not in
        // a quotation: an embedded post is mostly its links (handles, a picture's address) and is still quoted text.
        // A list item that is partly a link and no sentence is a pointer too (trafilatura's link-density pass over lists).
        // Both short-line tests spare a sentence under the teaser limit: a summary bullet or a "Follow us on …" line with its
        // names linked is the writer's text, which the annotators keep.
        var sentence = density > 0.3 && density <= MinTeaserLinkDensity && ReadsAsSentence(text.AsSpan(segment.Start, segment.End - segment.Start));
        if (density > 0.3 && length < 120 && Feature(segment, HtmlFeatures.ListItem) == 1 && !Has(segment, "in.blockquote") && !sentence) return BlockKind.Related;
        if (density > 0.5 && length < 200 && !Has(segment, "in.blockquote") && !sentence) return Feature(segment, HtmlFeatures.ListItem) == 1 ? BlockKind.Related : BlockKind.Navigation;
        // A longer line that is nearly all link is another story's headline and summary linked whole: a teaser, however
        // long (the article's own sentences carry a link or two, not mostly links).
        if (density > MinTeaserLinkDensity && !Has(segment, "in.blockquote")) return BlockKind.Related;
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
