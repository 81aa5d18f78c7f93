using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Walks a parsed page once, without recursion, and writes its readable text: one line per block element, white space
/// collapsed, script/style/template/svg and hidden elements left out. Each line becomes a segment with the path of the
/// block that holds it, markup features, and a hint when markup is unambiguous.
/// </summary>
internal sealed class HtmlTextWalker
{
    private static readonly FrozenSet<string> BlockTags = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot",
        "tr", "ul", "legend", "label", "option");

    // Elements whose text is not part of the readable page.
    private static readonly FrozenSet<string> SkipTags = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed", "select", "textarea",
        "canvas", "video", "audio", "map", "button", "input");

    // Feature names built once: "in.article" for bit 0 of Context, ..., "kind.comment" for BlockKind.Comment.
    private static readonly string[] ContextNames = ContextFeatureNames();
    private static readonly string[] KindNames = KindFeatureNames();

    private readonly List<Frame> _frames = [];
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _path = new();
    private readonly List<TextSegment> _segments = [];
    private bool _pendingSpace;
    private int _linkChars;
    private int _commas;
    private int _overflow;

    [Flags]
    private enum Context
    {
        None = 0,
        Article = 1,
        Main = 2,
        Nav = 4,
        Aside = 8,
        Footer = 16,
        Header = 32,
        Figure = 64,
        Link = 128,
        Form = 256,
        Blockquote = 512,
        Table = 1024,
        List = 2048,
    }

    /// <summary>An open element; frames are reused once closed, so a page costs as many frames as it is deep, not as it has elements.</summary>
    private sealed class Frame
    {
        public string Tag { get; set; } = string.Empty;
        public string Path { get; set; } = string.Empty;
        public Context Context { get; set; }
        public bool IsBlock { get; set; }
        public double ClassScore { get; set; }
        public BlockKind? Kind { get; set; }
        public Dictionary<string, int>? ChildCounts { get; set; }
    }

    private readonly Stack<Frame> _spare = new();

    /// <summary>Walks <paramref name="page"/>; returns the text and its segments.</summary>
    public (string Text, IReadOnlyList<TextSegment> Segments) Walk(IDocument page)
    {
        var root = page.DocumentElement;
        if (root is null) return (string.Empty, []);
        INode node = root;
        while (true)
        {
            var entered = Enter(node);
            if (entered && node.FirstChild is { } child)
            {
                node = child;
                continue;
            }
            if (entered) Exit();
            while (true)
            {
                if (node == root)
                {
                    Flush();
                    return (_text.ToString(), _segments);
                }
                if (node.NextSibling is { } next)
                {
                    node = next;
                    break;
                }
                node = node.Parent!;
                Exit();
            }
        }
    }

    private bool Enter(INode node)
    {
        if (node is IText text)
        {
            Append(text.Data);
            return false;
        }
        if (node is not IElement element) return false;
        var tag = element.LocalName;
        if (SkipTags.Contains(tag) || IsHidden(element)) return false;
        if (tag is "br" or "hr")
        {
            Flush();
            return false;
        }
        if (_frames.Count >= HtmlDocumentReader.MaxDepth)
        {
            // Past the cap, elements are read as inline text of the deepest frame: memory and time stay linear.
            _overflow++;
            return true;
        }
        var isBlock = BlockTags.Contains(tag);
        if (isBlock) Flush();
        var parent = _frames.Count > 0 ? _frames[^1] : null;
        // An <a> without href links nowhere: the HTML standard's placeholder, used as a jump target wrapped round a
        // paragraph's or a heading's text ("<a name=...>"). Its text is the page's own, not link text.
        var own = tag == "a" && !element.HasAttribute("href") ? Context.None : ContextOf(tag);
        var context = (parent?.Context ?? Context.None) | own;
        var id = element.Id;
        var classes = element.ClassName;
        var (weight, kind) = HtmlClassHints.Score(id is null ? classes : classes is null ? id : id + " " + classes);
        // Classes on html/body/main/article describe the page layout ("one-sidebar", "has-comments"), not the element.
        BlockKind? ownKind = weight < 0 && kind != BlockKind.Body && tag is not ("html" or "body" or "main" or "article") ? kind : null;
        var path = isBlock ? PathOf(tag, id, classes) : parent?.Path ?? tag;
        var frame = _spare.Count > 0 ? _spare.Pop() : new Frame();
        frame.Tag = tag;
        frame.Path = path;
        frame.Context = context;
        frame.IsBlock = isBlock;
        frame.ClassScore = (parent?.ClassScore ?? 0) + weight;
        // A content word ("post-entry") ends a furniture kind inherited from a wrapper ("container penci_sidebar").
        frame.Kind = ownKind ?? (weight > 0 ? null : parent?.Kind);
        frame.ChildCounts?.Clear();
        _frames.Add(frame);
        return true;
    }

    private void Exit()
    {
        if (_overflow > 0)
        {
            _overflow--;
            return;
        }
        var frame = _frames[^1];
        if (frame.IsBlock) Flush();
        _frames.RemoveAt(_frames.Count - 1);
        _spare.Push(frame);
    }

    private string PathOf(string tag, string? id, string? classes)
    {
        Frame? parentBlock = null;
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            if (!_frames[i].IsBlock) continue;
            parentBlock = _frames[i];
            break;
        }
        var index = 1;
        if (parentBlock is not null)
        {
            parentBlock.ChildCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            index = parentBlock.ChildCounts.GetValueOrDefault(tag) + 1;
            parentBlock.ChildCounts[tag] = index;
        }
        var builder = _path.Clear();
        if (parentBlock is not null) builder.Append(parentBlock.Path).Append('/');
        builder.Append(tag).Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        if (!string.IsNullOrEmpty(id)) AppendName(builder, '#', id);
        if (!string.IsNullOrEmpty(classes))
        {
            var taken = 0;
            var rest = classes.AsSpan();
            while (taken < 3)
            {
                rest = rest.TrimStart();
                if (rest.IsEmpty) break;
                var end = rest.IndexOfAny(' ', '\t', '\n');
                if (end < 0) end = rest.Length;
                AppendName(builder, '.', rest[..end]);
                rest = rest[end..];
                taken++;
            }
        }
        return builder.ToString();
    }

    // Path names keep letters, digits, '-' and '_' only, so the path stays parseable whatever the attribute holds.
    private static void AppendName(StringBuilder builder, char marker, ReadOnlySpan<char> name)
    {
        builder.Append(marker);
        var length = 0;
        foreach (var c in name)
        {
            if (length == 40) break;
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_');
            length++;
        }
    }

    private void Append(string data)
    {
        var inLink = _frames.Count > 0 && (_frames[^1].Context & Context.Link) != 0;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _line.Length > 0;
                continue;
            }
            if (_pendingSpace)
            {
                _line.Append(' ');
                _pendingSpace = false;
            }
            _line.Append(c);
            if (inLink) _linkChars++;
            if (c == ',') _commas++;
        }
    }

    private void Flush()
    {
        if (_line.Length > 0)
        {
            Frame? owner = null;
            for (var i = _frames.Count - 1; i >= 0; i--)
            {
                if (!_frames[i].IsBlock) continue;
                owner = _frames[i];
                break;
            }
            var start = _text.Length;
            _text.Append(_line);
            _segments.Add(new TextSegment(start, _text.Length)
            {
                Path = owner?.Path,
                Features = FeaturesOf(owner, _line.Length),
                Hint = HintOf(owner),
            });
            _text.Append('\n');
        }
        _line.Clear();
        _pendingSpace = false;
        _linkChars = 0;
        _commas = 0;
    }

    private Dictionary<string, double> FeaturesOf(Frame? owner, int length)
    {
        var features = new Dictionary<string, double>(12, StringComparer.Ordinal)
        {
            [HtmlFeatures.Length] = length,
            [HtmlFeatures.LinkDensity] = length == 0 ? 0 : (double)_linkChars / length,
            [HtmlFeatures.Depth] = _frames.Count,
            [HtmlFeatures.Commas] = _commas,
            [HtmlFeatures.ClassScore] = owner?.ClassScore ?? 0,
        };
        if (owner is null) return features;
        switch (owner.Tag)
        {
            case "p": features[HtmlFeatures.Paragraph] = 1; break;
            case "li" or "dd" or "dt": features[HtmlFeatures.ListItem] = 1; break;
            case "td" or "th": features[HtmlFeatures.TableCell] = 1; break;
            case ['h', >= '1' and <= '6']: features[HtmlFeatures.Heading] = owner.Tag[1] - '0'; break;
        }
        for (var bit = 0; bit < ContextNames.Length; bit++)
            if (((int)owner.Context & (1 << bit)) != 0) features[ContextNames[bit]] = 1;
        if (owner.Kind is { } kind) features[KindNames[(int)kind]] = 1;
        return features;
    }

    private static string[] ContextFeatureNames()
    {
        var names = new List<string>();
        foreach (var flag in Enum.GetValues<Context>())
        {
            if (flag == Context.None) continue;
            var bit = System.Numerics.BitOperations.Log2((uint)flag);
            while (names.Count <= bit) names.Add(string.Empty);
            names[bit] = HtmlFeatures.InPrefix + flag.ToString().ToLowerInvariant();
        }
        return [.. names];
    }

    private static string[] KindFeatureNames()
    {
        var kinds = Enum.GetValues<BlockKind>();
        var names = new string[kinds.Length == 0 ? 0 : (int)kinds[^1] + 1];
        foreach (var kind in kinds) names[(int)kind] = HtmlFeatures.KindPrefix + kind.ToString().ToLowerInvariant();
        return names;
    }

    private static BlockKind? HintOf(Frame? owner)
    {
        if (owner is null) return null;
        if (owner.Tag == "h1" && (owner.Context & (Context.Article | Context.Main)) != 0) return BlockKind.Title;
        if (owner.Tag == "figcaption") return BlockKind.Caption;
        if ((owner.Context & Context.Nav) != 0) return BlockKind.Navigation;
        if (owner.Kind is BlockKind.Comment or BlockKind.Advert && owner.ClassScore < 0) return owner.Kind;
        return null;
    }

    private static Context ContextOf(string tag) => tag switch
    {
        "article" => Context.Article,
        "main" => Context.Main,
        "nav" => Context.Nav,
        "aside" => Context.Aside,
        "footer" => Context.Footer,
        "header" => Context.Header,
        "figure" => Context.Figure,
        "a" => Context.Link,
        "form" => Context.Form,
        "blockquote" => Context.Blockquote,
        "table" => Context.Table,
        "ul" or "ol" => Context.List,
        _ => Context.None,
    };

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        if (style is null) return false;
        // "display:none" and "display: none" both hide an element.
        var at = style.IndexOf("display", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return false;
        var rest = style.AsSpan(at + 7).TrimStart().TrimStart(':').TrimStart();
        return rest.StartsWith("none", StringComparison.OrdinalIgnoreCase);
    }
}
