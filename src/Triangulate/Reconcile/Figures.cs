namespace Triangulate.Reconcile;

/// <summary>
/// Value intervals of quantity claims. A missing bound is open ("more than 40" runs to infinity), and a point value
/// written round ("800", "1,400") is widened by half its last significant unit, so a rounded restatement of 1,376 as
/// "1,400" still overlaps it while 800 and 1,376 do not.
/// </summary>
internal static partial class Figures
{
    /// <summary>The interval a value allows, widened for rounding; null when the value states no bound.</summary>
    public static (double Low, double High)? Interval(Model.QuantityValue? value)
    {
        if (value is null || (value.Low is null && value.High is null)) return null;
        var low = value.Low ?? double.NegativeInfinity;
        var high = value.High ?? double.PositiveInfinity;
        if (value.Low is { } l && value.High is { } h && l.Equals(h))
        {
            var half = RoundingUnit(l) / 2;
            return (l - half, h + half);
        }
        return (low, high);
    }

    /// <summary>
    /// The range a value is meant to give: a point or a two-sided range as <see cref="Interval"/> reads it, and a bound
    /// closed at the next step of its number's last significant digit ("more than 50" → 50–60, "over 100" → 100–200,
    /// "at least 2 million" → 2–3 million, "more than five" → 5–6, "fewer than 26" → 25–26), the Gricean reading of a
    /// bound: a writer who knew the figure was 7 would not write "more than five". For corroboration only; a bound
    /// still conflicts with nothing beyond it (<see cref="Interval"/> stays open).
    /// </summary>
    public static (double Low, double High)? MeantRange(Model.QuantityValue? value)
    {
        if (value is null) return null;
        return (value.Low, value.High) switch
        {
            ({ } l, null) => (l, l + Step(l)),
            (null, { } h) => (h - Step(h), h),
            _ => Interval(value),
        };
    }

    /// <summary>
    /// True when a figure's hedge as written ("around", "about", "an estimated") makes it an approximation: the
    /// quantity extractor widened its number by 10% either way (Data/quantity-hedges.tsv, bound "approx").
    /// </summary>
    public static bool IsApproximation(string? hedge)
    {
        if (string.IsNullOrWhiteSpace(hedge)) return false;
        var key = string.Join(' ', hedge.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Extract.Quantities.QuantityLexicon.Default.Hedges.TryGetValue(key, out var bound) && bound == "approx";
    }

    /// <summary>
    /// The range an approximation means ("around $160 million"): the number written, give or take half the unit of its
    /// last significant digit (155–165 million; "about 1,400" 1,350–1,450; "about five" 4.5–5.5), not the 10% either way
    /// the extractor allows it for a dispute. A writer who knew of an offer between $165 and $180 million would not call
    /// it "around $160 million"; one who knew of 1,376 may write "about 1,400". Null when the value is not a widened
    /// point (an approximate range, "about 10 to 12").
    /// </summary>
    public static (double Low, double High)? Written(Model.QuantityValue? value)
    {
        const double widened = Extract.Quantities.QuantityExtractor.HedgeAbove / Extract.Quantities.QuantityExtractor.HedgeBelow;
        if (value is not { Low: { } low, High: { } high } || low <= 0 || Math.Abs(high / low - widened) > 1e-3) return null;
        var number = Math.Round((low + high) / 2, 6);
        var half = Step(number) / 2;
        return (number - half, number + half);
    }

    /// <summary>The unit of a number's last significant digit, at least 1 for whole numbers under ten (50 → 10, 5 → 1, 2,000,000 → 1,000,000, 0.5 → 0.1).</summary>
    private static double Step(double value)
    {
        var unit = RoundingUnit(value);
        if (unit > 0) return unit;
        var v = Math.Abs(value);
        if (v >= 1 && v == Math.Floor(v)) return 1;
        // A fraction: the unit of its last decimal written, to two places at most ("0.5" → 0.1, "2.25" → 0.01).
        return v * 10 == Math.Floor(v * 10) ? 0.1 : 0.01;
    }

    /// <summary>True when two values can both hold: their widened intervals overlap.</summary>
    public static bool Overlap(Model.QuantityValue? a, Model.QuantityValue? b)
    {
        if (Interval(a) is not { } x || Interval(b) is not { } y) return false;
        return x.Low <= y.High && y.Low <= x.High;
    }

    /// <summary>
    /// True when two values can be one figure, as claim matching asks: they overlap (<see cref="Overlap"/>), and not
    /// only where their rounding margins meet: 12 and 13, or "$70 million" and "$80 million", touch at 12.5 and
    /// $75 million but are different figures.
    /// </summary>
    public static bool Agree(Model.QuantityValue? a, Model.QuantityValue? b)
    {
        if (Interval(a) is not { } x || Interval(b) is not { } y) return false;
        var low = Math.Max(x.Low, y.Low);
        var high = Math.Min(x.High, y.High);
        if (low > high) return false;
        // Sharing a single point agrees only where both values as written hold there ("at least 3" and "3"); a point
        // that only the rounding margins reach is where two different round figures meet.
        return low < high || (Holds(a!, low) && Holds(b!, low));
    }

    /// <summary>True when <paramref name="point"/> lies within the value as written, before any widening for rounding.</summary>
    private static bool Holds(Model.QuantityValue value, double point) =>
        (value.Low is not { } l || l <= point) && (value.High is not { } h || point <= h);

    /// <summary>
    /// True when a number as written has three significant digits or more ("399.99", "1376"): two figures that give
    /// such a number are rarely the same by chance, unlike two round sums ("25 million").
    /// </summary>
    public static bool Precise(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Length == 0 || !char.IsDigit(number[0])) return false;
        var digits = 0;
        var significant = number.Replace(".", "", StringComparison.Ordinal).Trim('0');
        foreach (var c in significant)
        {
            if (!char.IsDigit(c)) return false;
            digits++;
        }
        return digits >= 3;
    }

    /// <summary>The relative gap between two non-overlapping intervals (0 when they overlap): how far apart beyond their hedges.</summary>
    public static double Gap(Model.QuantityValue? a, Model.QuantityValue? b)
    {
        if (Interval(a) is not { } x || Interval(b) is not { } y) return 0;
        double lower, upper;
        if (x.High < y.Low) (lower, upper) = (x.High, y.Low);
        else if (y.High < x.Low) (lower, upper) = (y.High, x.Low);
        else return 0;
        var scale = Math.Max(Math.Abs(lower), Math.Abs(upper));
        return scale == 0 || double.IsInfinity(scale) ? 0 : (upper - lower) / scale;
    }

    /// <summary>The unit of the last non-zero digit of an integer-looking value (800 → 100, 1,376 → 1, 40 → 10); 0 for fractions.</summary>
    public static double RoundingUnit(double value)
    {
        var v = Math.Abs(value);
        if (v < 10 || v != Math.Floor(v) || v > 1e15) return 0;
        var unit = 1d;
        while (v % (unit * 10) == 0) unit *= 10;
        return unit;
    }

    /// <summary>
    /// True when a figure as written is a modifier joined to its noun ("a 12-inch laptop", "the 40-km stretch": the value
    /// and its unit tied by a hyphen, a noun after them): it says which thing is meant, not how much of one there is, so
    /// two such figures with different values name two things (a 12-inch and a 15-inch model), not one in dispute.
    /// </summary>
    public static bool IsAttributive(string? excerpt) => excerpt is not null && AttributiveForm().IsMatch(excerpt);

    [System.Text.RegularExpressions.GeneratedRegex(@"\d[-‑]\p{L}+\s+\p{L}")]
    private static partial System.Text.RegularExpressions.Regex AttributiveForm();

    // Verbs whose object is a change of a figure, not its level: "cut 4,000 jobs", "to lay off thousands of staff",
    // "hired 300 workers". Such a count is a part that comes or goes, never the stock it changes.
    private static readonly string[] ChangeVerbs =
    [
        "cut", "cuts", "cutting", "shed", "sheds", "shedding", "slash", "slashes", "slashed", "slashing", "eliminate", "eliminates",
        "eliminated", "eliminating", "axe", "axes", "axed", "axing", "hire", "hires", "hired", "hiring", "recruit", "recruits",
        "recruited", "recruiting", "add", "adds", "added", "adding",
    ];

    /// <summary>
    /// True when the figure starting at <paramref name="start"/> is the object of a verb of change ("cut 4,000 jobs",
    /// "lay off thousands of employees"): the word just before it in its sentence is such a verb, or "off" after a form
    /// of "lay".
    /// </summary>
    public static bool AfterChangeVerb(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (word, from) = WordBefore(text, Math.Min(start, text.Length));
        if (word.Length == 0) return false;
        foreach (var verb in ChangeVerbs) if (word.Equals(verb, StringComparison.OrdinalIgnoreCase)) return true;
        if (!word.Equals("off", StringComparison.OrdinalIgnoreCase)) return false;
        var (lay, _) = WordBefore(text, from);
        return lay is "lay" or "lays" or "laid" or "laying";
    }

    /// <summary>
    /// True when the figure starting at <paramref name="start"/> is said as an average: a form of "average" stands
    /// before it in its clause ("has averaged 30 goals and 12 assists", "an average of 300 a day"). An average over
    /// seasons or days is another measure than the count of one of them, however close the two values. The clause
    /// ends at a comma, colon, semicolon, bracket or dash, and at "and", "or" or "but" unless the figure follows it at
    /// once ("averaged 30 goals and 12 assists": both averages; "averaged 4 yards a carry and finished with 700 yards":
    /// a total).
    /// </summary>
    public static bool AsAverage(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start <= 0 || start > text.Length) return false;
        var (from, _) = FigureTimes.SentenceAround(text, start, start);
        var (word, at) = WordBefore(text, start);
        if (word is "and" or "or" or "but") start = at;
        for (var end = start; end > from;)
        {
            (word, at) = WordBefore(text, end);
            if (word.Length == 0)
            {
                // Not a letter: a clause mark ends the search, anything else (a digit, "$", "-") is stepped over.
                if (text[end - 1] is ',' or ';' or ':' or '(' or ')' or '—' or '–') return false;
                end--;
                continue;
            }
            if (word is "and" or "or" or "but") return false;
            if (word.StartsWith("averag", StringComparison.OrdinalIgnoreCase)) return true;
            end = at;
        }
        return false;
    }

    /// <summary>
    /// True when the figure ending at <paramref name="end"/> is said of each member of a group ("two players rushed for
    /// over 100 yards each", "… 100 yards apiece"): "each" or "apiece" ends the figure's words or follows them. A
    /// figure per member is another measure than one member's or the group's, however alike the number.
    /// </summary>
    public static bool Distributive(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start < 0 || end > text.Length || start >= end) return false;
        var (last, _) = WordBefore(text, end);
        if (IsEach(last)) return true;
        var from = end;
        while (from < text.Length && text[from] is ' ' or '\t') from++;
        var to = from;
        while (to < text.Length && char.IsLetter(text[to])) to++;
        return IsEach(text[from..to]);
    }

    /// <summary>The measure of distances (Data/quantity-units.tsv).</summary>
    public const string DistanceMeasure = "length";

    /// <summary>Lower-case words (a direction, a preposition) read between a distance and the place it is measured from.</summary>
    private const int MaxWordsBeforeReference = 4;

    /// <summary>
    /// The place a distance (of <paramref name="measure"/> length; null for other measures) ending at <paramref name="end"/> is measured from, folded to lower case ("67 km north-east
    /// of Pumsostad" → "pumsostad", "52 km südwestlich von Worec", "à 52 km au sud-ouest de Worec"): the capitalised
    /// words that follow a few lower-case ones (a direction and a preposition, in any language) in the figure's clause.
    /// Null when the clause names none (a comma, a sentence mark or a figure comes first). A distance from another
    /// place is another quantity: "67 km north-east of Pumsostad" and "45 km east of Lozec" are two quakes' epicentres,
    /// not one distance in dispute (generated 20k).
    /// </summary>
    public static string? ReferencePlace(string text, int end, string? measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.Equals(measure, DistanceMeasure, StringComparison.OrdinalIgnoreCase)) return null;
        var i = Math.Clamp(end, 0, text.Length);
        var lower = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i >= text.Length || !char.IsLetter(text[i])) return null;
            if (char.IsUpper(text[i])) return lower > 0 ? NameAt(text, i) : null;
            if (++lower > MaxWordsBeforeReference) return null;
            // A lower-case word, with its inner hyphens and apostrophes ("north-east", "d'").
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLower(text[i + 1])))) i++;
            if (i < text.Length && text[i] is '\'' or '’') i++;
        }
        return null;
    }

    /// <summary>The capitalised words in a row from <paramref name="start"/> ("Bad Stehano"), lower-cased.</summary>
    private static string NameAt(string text, int start)
    {
        var end = start;
        while (true)
        {
            var word = end;
            while (word < text.Length && (char.IsLetter(text[word]) || (text[word] is '-' && word + 1 < text.Length && char.IsLetter(text[word + 1])))) word++;
            end = word;
            if (word + 1 < text.Length && text[word] == ' ' && char.IsUpper(text[word + 1])) end = word + 1;
            else break;
        }
        return text[start..end].ToLowerInvariant();
    }

    /// <summary>
    /// Whether two distances may be one: either names no place it is measured from, or the places they name share a
    /// word (<see cref="ReferencePlace"/>): "Aoraki Mount Cook" and "Mt Cook" are one mountain (ecb-dev), "Pumsostad"
    /// and "Lozec" two towns.
    /// </summary>
    public static bool SameReference(string? a, string? b)
    {
        if (a is null || b is null || a == b) return true;
        foreach (var word in a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            foreach (var other in b.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (word == other) return true;
        return false;
    }

    private static bool IsEach(string word) => word.Equals("each", StringComparison.OrdinalIgnoreCase) || word.Equals("apiece", StringComparison.OrdinalIgnoreCase);

    /// <summary>The word ending just before <paramref name="end"/> past spaces, and where it starts; empty at a sentence mark or the text's start.</summary>
    private static (string Word, int Start) WordBefore(string text, int end)
    {
        var e = end;
        while (e > 0 && text[e - 1] is ' ' or '\t') e--;
        var b = e;
        while (b > 0 && char.IsLetter(text[b - 1])) b--;
        return (text[b..e], b);
    }

    /// <summary>A value in words for explanations ("800", "800–850", "over 40").</summary>
    public static string Describe(Model.QuantityValue? value)
    {
        if (value is null) return "?";
        var unit = string.IsNullOrEmpty(value.Unit) ? "" : " " + value.Unit;
        return (value.Low, value.High) switch
        {
            ({ } l, { } h) when l.Equals(h) => Number(l) + unit,
            ({ } l, { } h) => Number(l) + "–" + Number(h) + unit,
            ({ } l, null) => "at least " + Number(l) + unit,
            (null, { } h) => "at most " + Number(h) + unit,
            _ => "?",
        };
    }

    /// <summary>
    /// A value as written for readers: thousands grouped and two decimals ("1,376", "12.5"), but a value under one keeps
    /// its first three significant digits ("0.000305", not "0"), so a small measure converted to a large unit (a
    /// 12-inch screen in km) is not printed as nothing.
    /// </summary>
    internal static string Number(double v)
    {
        var magnitude = Math.Abs(v);
        var decimals = magnitude is > 0 and < 1 ? Math.Min(15, 2 - (int)Math.Floor(Math.Log10(magnitude))) : 2;
        return v.ToString("#,0." + new string('#', decimals), System.Globalization.CultureInfo.InvariantCulture);
    }
}
