using System.Globalization;
using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Finds metadata in the classified text of a capture: the outlet in the masthead (else the URL host), the origin in
/// credits and bylines ("Cre: X", "By A and B X Post", "MUST CREDIT: ... The X", "(Agency)", "— AP"), the people of
/// the byline, the dateline place, a publication date stated in the dateline or byline, and the readers' comments.
/// Wraps <see cref="SourceMetadataExtractor"/>: what markup or a record says still wins; a page's last-resort day
/// (<see cref="SourceMetadata.LastResortPublished"/>) comes after the dates the text itself states.
/// </summary>
public sealed partial class TextMetadataExtractor : IMetadataExtractor
{
    private readonly SourceMetadataExtractor _markup = new();

    /// <inheritdoc />
    public Document Extract(Document document, SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);
        document = _markup.Extract(document, source);
        var text = document.Text;
        string? masthead = null, bylineOutlet = null, origin = null, dateline = null;
        var sectionEnds = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> authors = [];
        DateEstimate? stated = null;
        YearlessDay? yearless = null;
        var bodies = 0;
        Block? lastBody = null;
        var textCapture = !string.Equals(source.Format, "html", StringComparison.OrdinalIgnoreCase);
        for (var index = 0; index < document.Blocks.Count; index++)
        {
            var block = document.Blocks[index];
            var line = text[block.Start..block.End];
            switch (block.Kind)
            {
                case BlockKind.Masthead when masthead is null:
                    // A text capture keeps a page's menus one item a line: an item with a masthead word ("Metro Post")
                    // inside such a run is a link to another title, not this page's name.
                    masthead = textCapture && InMenuRun(document, index) ? null : MastheadName(line, sectionEnds);
                    break;
                case BlockKind.Byline when authors.Count == 0:
                    (authors, bylineOutlet) = SplitByline(line);
                    stated ??= StatedDate(document.Id, text, block.Start, block.End);
                    break;
                case BlockKind.Credit:
                    origin ??= CreditedOrigin(line);
                    break;
                // An update notice ("Updated 7 January 2020", "Article mis à jour le 7 janvier 2020.") dates a later
                // edit: it is neither the dateline nor the day the article was published.
                case BlockKind.Dateline when dateline is null && !DateText.OpensWithUpdate(line):
                    // A line that is only a date ("THURSDAY, JUNE 30, 2005") dates the article but names no place.
                    var dateLine = DateLineDate(document.Id, text, block);
                    var lead = Dateline(line + " – x", 0, line.Length + 4);
                    var place = lead.Success ? Place(lead) : null;
                    if (place is not null && DateText.IsWeekday(place)) place = null;
                    // Without a place before a dash, the line is the dateline only when it has the shape of a name, not a sentence.
                    var bare = line.Trim().TrimEnd('-', '–', '—', ',').Trim();
                    dateline = place ?? (dateLine is null && NameShape.IsName(bare) ? bare : null);
                    stated ??= dateLine ?? StatedDate(document.Id, text, block.Start, block.End);
                    if (place is not null) yearless ??= YearlessDay.Of(lead, block.Start);
                    break;
                case BlockKind.Body:
                    lastBody = block;
                    if (bodies++ < 3 && dateline is null && Dateline(text, block.Start, block.End - block.Start) is { Success: true } m)
                    {
                        dateline = Place(m);
                        if (m.Groups["agency"].Success) origin ??= m.Groups["agency"].Value;
                        stated ??= StatedDate(document.Id, text, block.Start, block.Start + m.Length);
                        yearless ??= YearlessDay.Of(m, 0);
                    }
                    break;
            }
        }
        if (stated is null && !string.Equals(source.Format, "html", StringComparison.OrdinalIgnoreCase)) stated = TopDateLine(document);
        // "NAIROBI, April 15 (AP) –" gives a month and a day only: its year is the one that puts it nearest the page's
        // own guess at its day. It never overrides a date the page states with its year; with nothing to take the year
        // from, the dateline dates nothing.
        if (stated is null && document.Published is null && yearless is { } day && source.Metadata.LastResortPublished?.Date is { Day: not null } reference)
            stated = day.Dated(document.Id, text, reference);
        if (origin is null && lastBody is not null && TrailingAgency().Match(text[lastBody.Start..lastBody.End]) is { Success: true } tail)
            origin = tail.Groups["agency"].Value;
        origin ??= bylineOutlet;
        var outlet = document.Outlet ?? masthead ?? SourceMetadata.WebHost(source.Metadata.Url);
        return document with
        {
            Outlet = outlet,
            Origin = document.Origin ?? (origin is not null && !string.Equals(origin, outlet, StringComparison.OrdinalIgnoreCase) ? origin : null),
            Authors = document.Authors.Count > 0 ? document.Authors : authors,
            Dateline = document.Dateline ?? dateline,
            Published = document.Published ?? stated ?? source.Metadata.LastResortPublished,
            Comments = document.Comments.Count > 0 ? document.Comments : Comments(document),
        };
    }

    /// <summary>
    /// "The X Newspaper" → "The X"; a line that is a founding note ("Est. 1883") or a menu of sections ("News  World
    /// Business", <see cref="LineFeatures.MenuItems"/>: a markup header can hold one) or menu items glued by a navigation
    /// arrow ("News›‹Back To Main Menu", <see cref="LineFeatures.GluedItems"/>) is not a name. Furniture beside a name is
    /// left out: the name is the first part before a separator ("The X - Back to home", "/ X News"), without a link's
    /// verb before it ("Search The X"); a section label ("NEWS", "Business News", <see cref="IsSectionLabel"/>) is no name.
    /// </summary>
    internal static string? MastheadName(string line, HashSet<string> sectionEnds)
    {
        if (LineFeatures.MenuItems(line) > 0 || LineFeatures.GluedItems(line)) return null;
        var words = LineFeatures.Normalise(line);
        foreach (var word in words)
            if (word is "est" or "established" or "founded" or "since") return null;
        // A name is a short noun phrase: a consent banner or a prompt in a page's header is a sentence.
        if (NamePart(line) is not { } name || !NameShape.IsName(name)) return null;
        foreach (var generic in (string[])[" Newspaper", " Online", " Website", " E-paper"])
            if (name.EndsWith(generic, StringComparison.OrdinalIgnoreCase)) name = name[..^generic.Length].TrimEnd();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && FurnitureLexicon.ActionWords.Contains(name[..space].ToLowerInvariant())) name = name[(space + 1)..];
        return name.Length > 0 && !IsSectionLabel(name, sectionEnds) ? name : null;
    }

    /// <summary>The first part of a line, between separators (" - ", " | ", ", ", " / ", "›"), that holds a letter, without the punctuation at its ends; null when none does.</summary>
    internal static string? NamePart(string line)
    {
        foreach (var part in NameSeparator().Split(line))
        {
            var span = part.AsSpan();
            var start = 0;
            while (start < span.Length && !char.IsLetterOrDigit(span[start])) start++;
            var end = span.Length;
            while (end > start && !char.IsLetterOrDigit(span[end - 1])) end--;
            for (var i = start; i < end; i++)
                if (char.IsLetter(span[i])) return part[start..end];
        }
        return null;
    }

    [GeneratedRegex(@"\s[-–—|/•·]\s|[|›‹«»]|,\s", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    /// <summary>
    /// True for a section label rather than a site's name: a lone masthead word ("NEWS", "Register": a site's name
    /// has more, or an article), or words of section labels and menus (<see cref="FurnitureLexicon.SectionWords"/>,
    /// learnt from many sites' navigation) with masthead words only ("Business News", "News Archives"). The masthead
    /// word that ends such a label marks the page's later lines ending in it as its sections too ("Truck &amp; Bus News"
    /// after "Auto News"), collected in <paramref name="sectionEnds"/>. A name opening with "The" is a name.
    /// </summary>
    private static bool IsSectionLabel(string name, HashSet<string> sectionEnds)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) return false;
        var last = words[^1].ToLowerInvariant();
        if (sectionEnds.Contains(last)) return true;
        var sections = 0;
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            if (lower is "&" or "and" || FurnitureLexicon.MastheadWords.Contains(lower)) continue;
            if (!IsSectionWord(lower)) return false;
            sections++;
        }
        if (words.Length > 1 && sections == 0) return false; // "Daily News": masthead words only, a name
        if (FurnitureLexicon.MastheadWords.Contains(last)) sectionEnds.Add(last);
        return true;

        static bool IsSectionWord(string word) => FurnitureLexicon.SectionWords.Contains(word)
            || (word.Length > 3 && word[^1] == 's' && FurnitureLexicon.SectionWords.Contains(word[..^1]))
            || FurnitureLexicon.SectionWords.Contains(word + "s");
    }

    /// <summary>How many menu items on end (<see cref="IsMenuItem"/>), the line among them, make a menu.</summary>
    private const int MinMenuRun = 5;

    /// <summary>
    /// True when the block at <paramref name="index"/> is inside a menu copied one item a line: at least
    /// <see cref="MinMenuRun"/> menu items on end, with items both before and after it (a masthead heading a menu of the
    /// site's sections below it is still the name).
    /// </summary>
    private static bool InMenuRun(Document document, int index)
    {
        if (!IsMenuItem(document, index)) return false;
        int first = index, last = index;
        while (first > 0 && IsMenuItem(document, first - 1)) first--;
        while (last + 1 < document.Blocks.Count && IsMenuItem(document, last + 1)) last++;
        return first < index && last > index && last - first + 1 >= MinMenuRun;
    }

    /// <summary>
    /// A line of one to three words that opens with a capital and has no digit nor sentence punctuation ("Metro",
    /// "Health &amp; Medical", "The Metro Post"), or items run together, by a navigation arrow or without a space: the
    /// shape of a menu item.
    /// </summary>
    private static bool IsMenuItem(Document document, int index)
    {
        var block = document.Blocks[index];
        var line = document.Text.AsSpan(block.Start, block.End - block.Start).Trim();
        if (line.IsEmpty || !char.IsUpper(line[0])) return false;
        // Items run together ("News›‹Back To Main Menu", "Back To Main MenuCloseCustomize Your Weather") are furniture too.
        if (LineFeatures.GluedItems(line) || LineFeatures.Of(line).RunTogether) return true;
        if (line.IndexOfAny(MenuItemBreakers) >= 0) return false;
        var words = 1;
        foreach (var c in line) if (c == ' ' && ++words > 3) return false;
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> MenuItemBreakers = System.Buffers.SearchValues.Create(".!?:;,0123456789|");

    /// <summary>"By A and B X Post" → people [A, B] and the outlet "X Post" that closes the byline.</summary>
    internal static (IReadOnlyList<string> People, string? Outlet) SplitByline(string line)
    {
        var rest = line.Trim();
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && FurnitureLexicon.BylineOpeners.Contains(rest[..space].ToLowerInvariant())) rest = rest[(space + 1)..];
        // A date or a time after a separator is not a name: "By A | Nov. 25, 2024".
        var cut = rest.IndexOfAny(['|', '•', '·']);
        if (cut > 0) rest = rest[..cut];
        var people = new List<string>();
        string? outlet = null;
        foreach (var part in PeopleSeparator().Split(rest))
        {
            var words = part.Trim().Trim(',', ';').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            // "Jane Doe Daily Courier Post": a name of two or three words, then the outlet ending in a masthead word.
            if (words.Length >= 3 && FurnitureLexicon.MastheadWords.Contains(Lower(words[^1])))
            {
                var nameLength = words.Length >= 5 ? 3 : 2;
                if (words.Length - nameLength >= 1)
                {
                    outlet ??= string.Join(' ', words[nameLength..]);
                    words = words[..nameLength];
                }
            }
            else if (words.Length <= 3 && FurnitureLexicon.MastheadWords.Contains(Lower(words[^1])) && people.Count > 0)
            {
                outlet ??= string.Join(' ', words);
                continue;
            }
            var person = string.Join(' ', words);
            // A person is named, not described: a sentence in a byline block ("Subscribe to our newsletter.") is no author.
            if (NameShape.IsPersonName(person)) people.Add(person);
        }
        return (people, outlet);

        static string Lower(string word) => word.Trim('.', ',').ToLowerInvariant();
    }

    /// <summary>"Cre: X", "Source: X", "MUST CREDIT: A for The X (A/For The X)": who the page credits.</summary>
    internal static string? CreditedOrigin(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var cue = string.Join(' ', LineFeatures.Normalise(line.AsSpan(0, colon)));
        var value = line[(colon + 1)..].Trim();
        var paren = value.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0) value = value[..paren].TrimEnd();
        var forIndex = value.LastIndexOf(" for ", StringComparison.OrdinalIgnoreCase);
        if (forIndex >= 0) return Clean(value[(forIndex + 5)..]);
        // A photo credit without "for" names a photographer, not the producer of the article.
        if (cue is "photo" or "photos" or "foto" or "image" or "picture" or "bild" or "beeld" or "must credit" or "photo credit") return null;
        return Clean(value);

        static string? Clean(string s)
        {
            s = s.Trim().TrimEnd('.', ',', ';');
            return s.Length is > 0 and <= 60 ? s : null;
        }
    }

    /// <summary>
    /// The wire dateline opening the <paramref name="length"/> characters of <paramref name="text"/> from
    /// <paramref name="start"/>: a place ("NAIROBI", "nairobi", "Ho Chi Minh City"), maybe a day with or without its
    /// year ("April 15, 2025", "April 15", "15. April"), maybe an agency in brackets, then a dash and a space
    /// ("NAIROBI, April 15 (AP) – "). Groups <c>place</c>, <c>agency</c>, <c>month</c>, <c>day</c>, <c>year</c>; the
    /// match ends after the dash's space. A day must be named by a month (<see cref="DateText.Months"/>): "HOLTON,
    /// Rovers 24 - " is no dateline. Reconcile leaves a dateline out of the sentence a claim is said in.
    /// </summary>
    internal static Match Dateline(string text, int start, int length)
    {
        var m = DatelinePattern().Match(text, start, length);
        if (m.Success && m.Groups["month"].Success && !DateText.Months.ContainsKey(m.Groups["month"].Value.TrimEnd('.').ToLowerInvariant())) return Match.Empty;
        return m;
    }

    /// <summary>The place a <see cref="Dateline"/> match names, without the comma before its day.</summary>
    private static string Place(Match dateline) => dateline.Groups["place"].Value.TrimEnd(',', ' ');

    /// <summary>A month and a day a dateline gives without a year, and where they are written.</summary>
    private readonly record struct YearlessDay(int Month, int Day, int Start, int End)
    {
        /// <summary>The dateline's day when it has no year; <paramref name="offset"/> turns the match's indices into the text's.</summary>
        public static YearlessDay? Of(Match dateline, int offset)
        {
            if (!dateline.Groups["month"].Success || dateline.Groups["year"].Success) return null;
            var month = DateText.Months[dateline.Groups["month"].Value.TrimEnd('.').ToLowerInvariant()];
            var day = int.Parse(dateline.Groups["day"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31) return null;
            var first = Math.Min(dateline.Groups["month"].Index, dateline.Groups["day"].Index);
            var last = Math.Max(dateline.Groups["month"].Index + dateline.Groups["month"].Length, dateline.Groups["day"].Index + dateline.Groups["day"].Length);
            return new YearlessDay(month, day, offset + first, offset + last);
        }

        /// <summary>This day in the year (of the one before, the same and the one after) that puts it nearest <paramref name="reference"/>.</summary>
        public DateEstimate? Dated(string documentId, string text, PartialDate reference)
        {
            var near = reference.Earliest.DayNumber;
            PartialDate? best = null;
            for (var year = reference.Year - 1; year <= reference.Year + 1; year++)
            {
                if (year is < 1 or > 9999 || Day > DateTime.DaysInMonth(year, Month)) continue;
                var candidate = new PartialDate(year, Month, Day);
                if (best is null || Math.Abs(candidate.Earliest.DayNumber - near) < Math.Abs(best.Value.Earliest.DayNumber - near)) best = candidate;
            }
            return best is { } date ? DateEstimate.Exact(date, DateBasis.Stated, [new TextSpan(documentId, Start, End).WithExcerpt(text)]) : null;
        }
    }

    /// <summary>A date stated in [start, end): "April 15, 2025", "25 November 2024", "2024-11-25".</summary>
    internal static DateEstimate? StatedDate(string documentId, string text, int start, int end)
    {
        var m = DatePattern().Match(text, start, end - start);
        if (!m.Success) return null;
        int year, month, day;
        if (m.Groups["iso"].Success)
        {
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            if (!DateText.Months.TryGetValue(m.Groups["month"].Value.TrimEnd('.').ToLowerInvariant(), out month)) return null;
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["day1"].Success ? m.Groups["day1"].Value : m.Groups["day2"].Value, CultureInfo.InvariantCulture);
        }
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var span = new TextSpan(documentId, m.Index, m.Index + m.Length).WithExcerpt(text);
        return DateEstimate.Exact(new PartialDate(year, month, day), DateBasis.Stated, [span]);
    }

    /// <summary>How many first blocks of a text capture may hold its date line: headline, standfirst, byline, date.</summary>
    private const int DateLineBlocks = 6;

    /// <summary>
    /// The day of a date line among a text capture's first blocks, whatever kind they were given: captures copied from
    /// a page keep the page's "Posted: Thursday, July 29, 2004" line near the headline. Lower down, a date is the date
    /// of something the article tells ("committed on March 11, 2005"), not of the article.
    /// </summary>
    private static DateEstimate? TopDateLine(Document document)
    {
        for (var i = 0; i < document.Blocks.Count && i < DateLineBlocks; i++)
            if (DateLineDate(document.Id, document.Text, document.Blocks[i]) is { } date) return date;
        return null;
    }

    /// <summary>The day of <paramref name="block"/> when it is a date line (<see cref="DateText.Line"/>), with its span.</summary>
    private static DateEstimate? DateLineDate(string documentId, string text, Block block)
    {
        if (block.End - block.Start > 200) return null;
        var line = text[block.Start..block.End];
        if (DateText.Line(line, monthFirst: true) is not { } found) return null;
        var span = new TextSpan(documentId, block.Start + found.Index, block.Start + found.Index + found.Length).WithExcerpt(text);
        return DateEstimate.Exact(found.Day, DateBasis.Stated, [span]);
    }

    /// <summary>Comment blocks as comments: a short name line followed by what that reader wrote; section headings dropped.</summary>
    internal static IReadOnlyList<Comment> Comments(Document document)
    {
        var text = document.Text;
        var comments = new List<Comment>();
        string? author = null;
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Comment)
            {
                author = null;
                continue;
            }
            var line = text.AsSpan(block.Start, block.End - block.Start);
            var f = LineFeatures.Of(line);
            if (f.Cue == BlockKind.Comment && f.CueStrength >= 2) continue;
            if (f.Words <= 3 && !f.EndsSentence && author is null)
            {
                author = line.ToString();
                continue;
            }
            comments.Add(new Comment
            {
                Author = author,
                Text = line.ToString(),
                Span = new TextSpan(document.Id, block.Start, block.End),
            });
            author = null;
        }
        return comments;
    }

    // A place of one to four words (capitals, or all lower case as some translations write it), optional day (month
    // first or day first, "de" between them in Spanish and Portuguese, the year optional: wire copy often leaves it
    // out) and (agency), then a dash, a full stop before it where Spanish and Portuguese wire copy sets one ("(Agencia).- "):
    // the dateline convention of wire copy.
    [GeneratedRegex(@"^(?<place>(?:\p{Lu}[\p{Lu}\p{Ll}.'’-]*|\p{Ll}{3,})(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,3})(?:,?\s+(?<month>[\p{L}.]+)\s+(?<day>\d{1,2})(?:,?\s+(?<year>\d{4}))?|,?\s+(?<day>\d{1,2})\.?\s+(?:de\s+)?(?<month>[\p{L}.]+)(?:\s+(?<year>\d{4}))?)?\s*(?:\((?<agency>[^)]{2,40})\))?\s*\.?[–—-]\s", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"\s[–—-]\s*(?<agency>\p{Lu}[\p{Lu}\p{L}]{1,15})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAgency();

    [GeneratedRegex(@"\s+(?:and|&|en|und|et|y|e|и)\s+|,\s*", RegexOptions.CultureInvariant)]
    private static partial Regex PeopleSeparator();

    [GeneratedRegex(@"(?<iso>(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2}))|(?<month>\p{L}{3,9}\.?)\s+(?<day1>\d{1,2}),?\s+(?<year>\d{4})|(?<day2>\d{1,2})\.?\s+(?<month>\p{L}{3,9}\.?)\s+(?<year>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
