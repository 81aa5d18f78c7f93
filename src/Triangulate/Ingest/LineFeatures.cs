using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>What <see cref="TextLineClassifier"/> knows about one line: its own shape, then (filled in by the classifier) its context.</summary>
internal struct LineFeatures
{
    public int Words;
    public bool EndsSentence, EndsWithPeriod, Ellipsis, StartsLower, Quote, RunTogether;
    public double TitleRatio, DigitRatio;
    public int Separators;
    /// <summary>The items of a menu line ("News  World  Business  Sport"), 0 when the line is not one (<see cref="MenuItems"/>).</summary>
    public int Menu;
    /// <summary>The furniture kind a cue phrase announces, and how surely: 3 the whole line, 2 a "Cue:" prefix, 1 inside a short line.</summary>
    public BlockKind? Cue;
    public int CueStrength;
    /// <summary>Where a credit ("Photo:", "MUST CREDIT:") starts in the line; -1 when none.</summary>
    public int CreditAt;
    public bool AgencyParenthesis, Byline, StandaloneDateline, MastheadWord, Established;
    /// <summary>The line is a date and its cues ("Posted: Thursday, July 29, 2004"): never a title nor a paragraph (<see cref="DateText.Line"/>).</summary>
    public bool DateLine;
    public int Index;
    public bool Repeated, BeforeArticle, NextStartsLower;

    private const int MaxCueLineWords = 6;

    public static LineFeatures Of(ReadOnlySpan<char> line)
    {
        var f = new LineFeatures { CreditAt = -1 };
        int letters = 0, digits = 0, visible = 0, capitalised = 0, wordsWithLetters = 0;
        var inWord = false;
        var wordStartsUpper = false;
        var wordHasLetter = false;
        var transitions = 0;
        var previousLower = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord) EndWord();
                inWord = false;
                continue;
            }
            visible++;
            if (!inWord)
            {
                inWord = true;
                f.Words++;
                wordStartsUpper = false;
                wordHasLetter = false;
                transitions = 0;
                previousLower = false;
            }
            if (char.IsLetter(c))
            {
                letters++;
                if (!wordHasLetter) wordStartsUpper = char.IsUpper(c);
                wordHasLetter = true;
                if (char.IsUpper(c) && previousLower) transitions++;
                previousLower = char.IsLower(c);
            }
            else
            {
                if (char.IsDigit(c)) digits++;
                previousLower = false;
            }
            if (c is '“' or '”' or '"' or '«' or '»' or '„') f.Quote = true;
            if (c is '|' or '›' or '»' or '>') f.Separators++;
        }
        if (inWord) EndWord();
        f.TitleRatio = wordsWithLetters == 0 ? 0 : (double)capitalised / wordsWithLetters;
        f.DigitRatio = visible == 0 ? 0 : (double)digits / visible;
        f.Ellipsis = line.EndsWith("...") || line.EndsWith("…");
        var end = WithoutSignature(line).TrimEnd("”’\"')]»");
        if (end.Length > 0 && !f.Ellipsis)
        {
            f.EndsSentence = end[^1] is '.' or '!' or '?' or '。';
            f.EndsWithPeriod = end[^1] == '.';
        }
        foreach (var c in line)
        {
            if (!char.IsLetter(c)) continue;
            f.StartsLower = char.IsLower(c);
            break;
        }
        FindCues(line, ref f);
        FindCredit(line, ref f);
        FindByline(line, ref f);
        FindMasthead(line, ref f);
        f.Menu = MenuItems(line);
        // At least four digits for a year: the regex runs only on lines that can hold a day.
        f.DateLine = f.Words <= DateText.MaxDateLineWords && digits >= 4 && DateText.Line(line.ToString(), monthFirst: true) is not null;
        f.StandaloneDateline = f.Words <= 5 && letters >= 3 && !f.EndsSentence && f.Cue is null && IsCapsPlace(line);
        return f;

        void EndWord()
        {
            if (!wordHasLetter) return;
            wordsWithLetters++;
            if (wordStartsUpper) capitalised++;
            // "HomeNewsWorld": menu items glued together when a page is copied as text.
            if (transitions >= 2) f.RunTogether = true;
        }
    }

    /// <summary>A metadata line has at least this many labelled fields.</summary>
    internal const int MinLabelledFields = 2;

    // A field's label: one to three words before its colon ("Tags", "Posted by", "Publicado por").
    private const int MaxLabelWords = 3;

    /// <summary>
    /// Whether the line is a row of labelled fields set apart by separators: two or more fields, at least half of them
    /// opening with a short label and a colon followed by a value ("05/10/2018 - Posted by: Name - Category: Health - Tags:
    /// a, b", "Categories: A, B | Tags: C, D | Permalink."). Such a line is the post's metadata (its date, author, taxonomy),
    /// set out as a form sets out its fields; a sentence has one colon at most and no separators between labelled parts.
    /// The shape decides, not the labels' words, so the line is found in any language.
    /// </summary>
    internal static bool IsLabelledFields(ReadOnlySpan<char> line)
    {
        int fields = 0, labelled = 0, start = 0;
        // One past the end closes the last field like a separator.
        for (var i = 0; i <= line.Length; i++)
        {
            var width = i == line.Length ? 0 : FieldSeparatorWidth(line, i);
            if (i < line.Length && width == 0) continue;
            var field = line[start..i].Trim();
            if (field.Length > 0)
            {
                fields++;
                if (OpensWithLabel(field)) labelled++;
            }
            start = i + Math.Max(width, 1);
            i = start - 1;
        }
        return labelled >= MinLabelledFields && labelled * 2 >= fields;
    }

    // A pipe, a bullet or a middle dot anywhere; a dash only with a space on each side (a hyphen joins words).
    private static int FieldSeparatorWidth(ReadOnlySpan<char> line, int i) =>
        line[i] is '|' or '•' or '·' ? 1
        : line[i] is '-' or '–' or '—' && i > 0 && i + 1 < line.Length && line[i - 1] == ' ' && line[i + 1] == ' ' ? 2
        : 0;

    // "Label: value": one to three words of letters (no digits: "10:30" is a time) before a colon, then more text.
    private static bool OpensWithLabel(ReadOnlySpan<char> field)
    {
        var colon = field.IndexOf(':');
        if (colon <= 0 || colon + 1 >= field.Length || !char.IsWhiteSpace(field[colon + 1])) return false;
        var label = field[..colon].Trim();
        if (label.Length == 0 || !char.IsLetter(label[0])) return false;
        var words = 1;
        foreach (var c in label)
        {
            if (c == ' ' && ++words > MaxLabelWords) return false;
            if (char.IsDigit(c)) return false;
        }
        return !field[(colon + 1)..].IsWhiteSpace();
    }

    /// <summary>A menu has at least this many items.</summary>
    internal const int MinMenuItems = 3;

    /// <summary>
    /// How many items the line has when it is a menu, else 0: three or more items of one or two words each, capitalised,
    /// no digits nor sentence punctuation, set apart by wide spaces (two or more, or a tab), pipes or bullets ("News  World
    /// Business  Sport", "Home | Sport | Local Politics", "Politik · Wirtschaft · Kultur"). Such a line is the site's
    /// sections, page furniture: not a masthead, a title nor a paragraph. The shape alone decides, not a list of section
    /// names, so menus in any language and of any site's sections are found; a masthead ("The Daily Example") or a
    /// masthead with its founding note ("Daily Example | Est. 1883") has fewer items or longer ones.
    /// </summary>
    internal static int MenuItems(ReadOnlySpan<char> line)
    {
        int items = 0, words = 0, spaces = 0;
        var inWord = false;
        // One past the end reads as a separator, so the last item is counted like the others.
        for (var i = 0; i <= line.Length; i++)
        {
            var c = i < line.Length ? line[i] : '|';
            if (c is '|' or '•' or '·' or '\t' || (char.IsWhiteSpace(c) && ++spaces >= 2))
            {
                if (words > 2) return 0;
                if (words > 0) items++;
                words = 0;
                inWord = false;
                if (!char.IsWhiteSpace(c)) spaces = 0;
                continue;
            }
            if (char.IsWhiteSpace(c)) { inWord = false; continue; }
            spaces = 0;
            if (inWord) { if (!char.IsLetter(c) && c is not '-' and not '&' and not '\'' and not '’') return 0; continue; }
            inWord = true;
            if (c == '&') continue;
            // An item's second word may be lower case ("Sign in"); its first word is capitalised.
            if (!char.IsUpper(c) && (words != 1 || !char.IsLower(c))) return 0;
            words++;
        }
        return items >= MinMenuItems ? items : 0;
    }

    /// <summary>
    /// True when a navigation arrow (‹ › « » ← → ◂ ▸ ◀ ▶ ❮ ❯) is glued to a letter on both sides, with no space:
    /// menu items a copied page ran together ("News›‹Back To Main Menu", "Home»World"). Quotation marks in text have
    /// a space on one side.
    /// </summary>
    internal static bool GluedItems(ReadOnlySpan<char> line)
    {
        var at = line.IndexOfAny(NavigationArrows);
        while (at >= 0)
        {
            var end = at;
            while (end < line.Length && NavigationArrows.Contains(line[end])) end++;
            if (at > 0 && end < line.Length && char.IsLetter(line[at - 1]) && char.IsLetter(line[end])) return true;
            if (end >= line.Length) return false;
            var next = line[end..].IndexOfAny(NavigationArrows);
            at = next < 0 ? -1 : end + next;
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> NavigationArrows = System.Buffers.SearchValues.Create("‹›«»←→◂▸◀▶❮❯");

    /// <summary>The line without a closing agency signature ("... said. — AFP"), so its sentence end shows.</summary>
    private static ReadOnlySpan<char> WithoutSignature(ReadOnlySpan<char> line)
    {
        var dash = line.LastIndexOfAny('—', '–');
        if (dash <= 0 || line.Length - dash > 30) return line;
        foreach (var c in line[(dash + 1)..]) if (char.IsLower(c) || char.IsDigit(c)) return line;
        var before = line[..dash].TrimEnd();
        return before.Length > 0 && before[^1] is '.' or '!' or '?' or '”' or '"' ? before : line;
    }

    /// <summary>Lower-cased words of the line, letters, digits, apostrophes and underscores only.</summary>
    internal static List<string> Normalise(ReadOnlySpan<char> line)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '\'' or '’')
            {
                builder.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
                continue;
            }
            if (builder.Length > 0) words.Add(builder.ToString());
            builder.Clear();
        }
        if (builder.Length > 0) words.Add(builder.ToString());
        return words;
    }

    /// <summary>How many words <see cref="Normalise"/> makes of <paramref name="line"/>, without making them.</summary>
    internal static int WordCount(ReadOnlySpan<char> line)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var part = char.IsLetterOrDigit(c) || c is '_' or '\'' or '’';
            if (part && !inWord) count++;
            inWord = part;
        }
        return count;
    }

    private static void FindCues(ReadOnlySpan<char> line, ref LineFeatures f)
    {
        var colon = line.IndexOf(':');
        if (colon > 0 && colon <= 40 && Lookup(Normalise(line[..colon]), 0, out var prefixKind, out var used) && used > 0)
        {
            f.Cue = prefixKind;
            f.CueStrength = 2;
            if (WordCount(line[(colon + 1)..]) == 0) f.CueStrength = 3;
            return;
        }
        // Counted before the words are made: most lines are paragraphs, far over the bar.
        if (WordCount(line) > MaxCueLineWords) return;
        var words = Normalise(line);
        // "5 Comments", "12 reacties": a count before the cue.
        var first = words.Count > 1 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? 1 : 0;
        if (Lookup(words, first, out var kind, out var whole) && whole == words.Count - first)
        {
            f.Cue = kind;
            f.CueStrength = 3;
            return;
        }
        for (var i = 0; i < words.Count; i++)
        {
            for (var length = Math.Min(FurnitureLexicon.LongestCue, words.Count - i); length >= 1; length--)
            {
                if (!FurnitureLexicon.Cues.TryGetValue(string.Join(' ', words.GetRange(i, length)), out var k)) continue;
                f.Cue = k;
                f.CueStrength = 1;
                return;
            }
        }
    }

    private static bool Lookup(List<string> words, int first, out BlockKind kind, out int used)
    {
        kind = default;
        used = 0;
        if (words.Count - first <= 0 || words.Count - first > FurnitureLexicon.LongestCue) return false;
        if (!FurnitureLexicon.Cues.TryGetValue(string.Join(' ', words.GetRange(first, words.Count - first)), out kind)) return false;
        used = words.Count - first;
        return true;
    }

    private static void FindCredit(ReadOnlySpan<char> line, ref LineFeatures f)
    {
        if (line[0] == '©') { f.CreditAt = 0; return; }
        if (f.Cue == BlockKind.Credit && f.CueStrength >= 2) { f.CreditAt = 0; return; }
        // "... in the border region. MUST CREDIT: X for The Y": a credit cue in capitals, or after a sentence end.
        for (var colon = line.IndexOf(':'); colon > 0; colon = NextColon(line, colon))
        {
            var start = colon;
            for (var words = 0; words < 2 && start > 0; words++)
            {
                var s = start;
                while (s > 0 && char.IsWhiteSpace(line[s - 1])) s--;
                while (s > 0 && char.IsLetter(line[s - 1])) s--;
                if (s == start) break;
                var phrase = Normalise(line[s..colon]);
                if (phrase.Count > 0 && FurnitureLexicon.Cues.TryGetValue(string.Join(' ', phrase), out var kind) && kind == BlockKind.Credit)
                {
                    var upper = true;
                    foreach (var c in line[s..colon]) if (char.IsLower(c)) upper = false;
                    var before = line[..s].TrimEnd();
                    // Keep looking one word further back: "MUST CREDIT:" rather than "CREDIT:".
                    if (upper || before.Length == 0 || before[^1] is '.' or ')') f.CreditAt = s;
                }
                start = s;
            }
            if (f.CreditAt >= 0) return;
        }
        var open = line.LastIndexOf('(');
        if (line[^1] == ')' && open >= 0 && line[open..].Contains('/')) f.AgencyParenthesis = true;

        static int NextColon(ReadOnlySpan<char> line, int colon)
        {
            var next = line[(colon + 1)..].IndexOf(':');
            return next < 0 ? -1 : colon + 1 + next;
        }
    }

    private static void FindByline(ReadOnlySpan<char> line, ref LineFeatures f)
    {
        if (f.Words is < 2 or > 16 || f.EndsWithPeriod || line.Length > 160) return;
        var space = line.IndexOf(' ');
        if (space <= 0) return;
        var opener = line[..space].ToString().ToLowerInvariant();
        if (!FurnitureLexicon.BylineOpeners.Contains(opener)) return;
        var rest = line[(space + 1)..].TrimStart();
        if (rest.Length == 0 || !char.IsUpper(rest[0])) return;
        // A byline is names: most words capitalised (connectors "and", "en", "und" aside).
        int words = 0, capitals = 0;
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            if (word.Length == 0) continue;
            words++;
            if (char.IsUpper(word[0])) capitals++;
        }
        f.Byline = capitals * 3 >= words * 2 - 1;
    }

    private static void FindMasthead(ReadOnlySpan<char> line, ref LineFeatures f)
    {
        if (f.Words > 10) return;
        var words = Normalise(line);
        var founded = false;
        foreach (var word in words)
        {
            if (FurnitureLexicon.MastheadWords.Contains(word)) f.MastheadWord = true;
            if (word is "est" or "established" or "founded" or "since" or "opgericht" or "gegründet" or "fondé" or "fundado") founded = true;
            else if (founded && word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1500 and < 2100)
                f.Established = true;
        }
    }

    /// <summary>
    /// "NAIROBI, Nov. 25" or "WASHINGTON —" alone on a line: a place in capitals, maybe a date (also the place of a
    /// dateline opening a sentence, which Reconcile leaves out of a claim's frame).
    /// </summary>
    internal static bool IsCapsPlace(ReadOnlySpan<char> line)
    {
        var space = line.IndexOfAny(' ', ',');
        var head = space < 0 ? line : line[..space];
        if (head.Length < 3) return false;
        foreach (var c in head) if (!char.IsUpper(c) && c != '-') return false;
        return true;
    }
}
