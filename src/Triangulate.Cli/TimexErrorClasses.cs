using System.Globalization;
using System.Text.RegularExpressions;

namespace Triangulate.Cli;

/// <summary>
/// TIMEX3 value errors counted by automatic class, so that a held-back half can be compared with the looked-at half
/// without anyone reading its text: each gold is classed by what its type and value say (type; for a date or time
/// its granularity, whether the text states a year and which side of the creation time it falls; for a duration its
/// unit), and each error by what the two values say (missed, spurious, unresolved, wrong type, wrong granularity,
/// wrong direction across the creation time, another date on the same side, a reference word against a date, a
/// duration's unit or count, a clock). Only the counts are printed, never the text.
/// </summary>
internal sealed partial class TimexErrorClasses
{
    private readonly SortedDictionary<string, int> _golds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _errors = new(StringComparer.Ordinal);

    /// <summary>A gold and what became of it: <paramref name="found"/> is null when missed, else our value (itself possibly null).</summary>
    public void AddGold(string text, MeantimeTimexEval.Gold gold, DateOnly? created, bool missed, string? found)
    {
        var category = Category(text[gold.Start..gold.End], gold.Type, gold.Value, created);
        Bump(_golds, category);
        if (missed) Bump(_errors, "missed " + Shape(text[gold.Start..gold.End]) + " | " + category);
        else if (!string.Equals(found, gold.Value, StringComparison.Ordinal)) Bump(_errors, Kind(gold.Type, gold.Value, found, created) + " | " + category);
    }

    /// <summary>A found expression paired with no gold (<paramref name="besidePaired"/>: it overlaps a gold paired with another find).</summary>
    public void AddSpurious(string text, string type, string? value, DateOnly? created, bool besidePaired) =>
        Bump(_errors, (besidePaired ? "spurious beside a paired gold | " : "spurious | ") + Category(text, type, value ?? "", created));

    /// <summary>Prints the look and held classes side by side: golds per class, then errors per kind and class, counts only.</summary>
    public static void Print(string label, TimexErrorClasses look, TimexErrorClasses held)
    {
        Console.WriteLine($"timex gold classes ({label})\tlook gold\tlook errors\tlook rate\theld gold\theld errors\theld rate");
        foreach (var key in look._golds.Keys.Union(held._golds.Keys).Order(StringComparer.Ordinal))
        {
            int lg = look._golds.GetValueOrDefault(key), hg = held._golds.GetValueOrDefault(key);
            int le = ErrorsOf(look, key), he = ErrorsOf(held, key);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}\t{lg}\t{le}\t{Rate(le, lg)}\t{hg}\t{he}\t{Rate(he, hg)}"));
        }
        Console.WriteLine($"timex error kinds ({label})\tlook\theld");
        var kinds = look._errors.Keys.Union(held._errors.Keys).Select(k => k[..k.IndexOf(" | ", StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal);
        foreach (var kind in kinds)
            Console.WriteLine($"{kind}\t{KindCount(look, kind)}\t{KindCount(held, kind)}");
        Console.WriteLine($"timex errors by kind and class ({label})\tlook\theld");
        foreach (var key in look._errors.Keys.Union(held._errors.Keys).Order(StringComparer.Ordinal))
            Console.WriteLine($"{key}\t{look._errors.GetValueOrDefault(key)}\t{held._errors.GetValueOrDefault(key)}");
    }

    private static int ErrorsOf(TimexErrorClasses c, string category) =>
        c._errors.Where(e => !e.Key.StartsWith("spurious", StringComparison.Ordinal) && e.Key.EndsWith(" | " + category, StringComparison.Ordinal)).Sum(e => e.Value);

    private static int KindCount(TimexErrorClasses c, string kind) =>
        c._errors.Where(e => e.Key.StartsWith(kind + " | ", StringComparison.Ordinal)).Sum(e => e.Value);

    private static string Rate(int errors, int gold) => gold == 0 ? "-" : ((double)errors / gold).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Bump(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>A gold's (or a spurious find's) class from its type, value, and whether its own characters state a year.</summary>
    internal static string Category(string text, string type, string value, DateOnly? created)
    {
        if (value.EndsWith("_REF", StringComparison.Ordinal)) return type + " " + value;
        if (type == "DURATION") return "DURATION " + Unit(value);
        if (type == "SET") return "SET";
        var stated = YearWritten().IsMatch(text) ? "year written" : "anchored";
        if (!TryRange(value, out var start, out var end, out var grain)) return $"{type} {stated} other {ValueShape(value)}";
        return $"{type} {stated} {grain} {Side(start, end, created)}";
    }

    /// <summary>What is wrong with a paired value, from the two values alone.</summary>
    internal static string Kind(string goldType, string gold, string? found, DateOnly? created)
    {
        if (found is null) return "unresolved";
        bool goldRef = gold.EndsWith("_REF", StringComparison.Ordinal), foundRef = found.EndsWith("_REF", StringComparison.Ordinal);
        if (goldRef && foundRef) return "reference word: another reference";
        if (goldRef) return "reference word: ours a value";
        if (foundRef) return "reference word: ours a reference";
        var foundDuration = found is ['P', not 'A' and not 'R', ..];
        if (goldType == "DURATION" || foundDuration)
        {
            if (goldType != "DURATION" || !foundDuration) return "type: duration against date";
            if (gold.Contains('X', StringComparison.Ordinal) != found.Contains('X', StringComparison.Ordinal))
                return gold.Contains('X', StringComparison.Ordinal) ? "duration: ours counted for vague" : "duration: ours vague for counted";
            return Unit(gold) == Unit(found) ? "duration: count" : "duration: unit";
        }
        if (goldType == "SET") return "set";
        if (!TryRange(gold, out var gs, out var ge, out var gg) || !TryRange(found, out var fs, out var fe, out var fg)) return "date: other form";
        if (gs == fs && ge == fe) return gg == fg ? Clock(gold, found) : "granularity: " + gg + " against " + fg;
        if (fs <= gs && ge <= fe) return "granularity: ours coarser (" + fg + " for " + gg + ")";
        if (gs <= fs && fe <= ge) return "granularity: ours finer (" + fg + " for " + gg + ")";
        var goldSide = Side(gs, ge, created);
        var foundSide = Side(fs, fe, created);
        if (goldSide != foundSide && goldSide != "on dct" && foundSide != "on dct") return "direction: " + foundSide + " for " + goldSide;
        if (gs.Year != fs.Year && gg == fg && gs.Month == fs.Month && gs.Day == fs.Day) return "year: same day another year";
        return "anchor: another " + fg + " (" + foundSide + " for " + goldSide + ")";
    }

    // Two times of the same day: a zone written or not, twelve hours apart (a.m. against p.m.), or another clock.
    private static string Clock(string gold, string found)
    {
        string goldClock = gold[(gold.IndexOf('T', StringComparison.Ordinal) + 1)..], foundClock = found[(found.IndexOf('T', StringComparison.Ordinal) + 1)..];
        if (Zoneless(goldClock) == Zoneless(foundClock)) return "time: zone (ours " + (foundClock.Length > goldClock.Length ? "with" : "without") + ")";
        if (goldClock.Length >= 2 && foundClock.Length >= 2
            && int.TryParse(goldClock[..2], CultureInfo.InvariantCulture, out var gh) && int.TryParse(foundClock[..2], CultureInfo.InvariantCulture, out var fh)
            && Math.Abs(gh - fh) == 12) return "time: twelve hours apart";
        return "time: another clock";
    }

    private static string Zoneless(string clock) => clock.TrimEnd('Z').Split('+', '-')[0];

    // A missed expression's form without its words: whether it has a digit, and how many words.
    private static string Shape(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return "(" + (text.Any(char.IsAsciiDigit) ? "digits, " : "no digit, ") + (words >= 3 ? "3+ words" : words + (words == 1 ? " word" : " words")) + ")";
    }

    // A value the date parser does not read, its digits masked: "XXXX-12-25" is "XXXX-nn-nn".
    private static string ValueShape(string value) => new([.. value.Select(c => char.IsAsciiDigit(c) ? 'n' : c)]);

    private static string Side(DateOnly start, DateOnly end, DateOnly? created) => created switch
    {
        null => "no dct",
        { } c when end < c => "past",
        { } c when start > c => "future",
        _ => "on dct",
    };

    private static string Unit(string duration)
    {
        var time = duration.Contains('T', StringComparison.Ordinal);
        var last = duration.Length > 0 ? duration[^1] : '?';
        return (time ? "T" : "") + last + (duration.Contains('X', StringComparison.Ordinal) ? " vague" : "");
    }

    /// <summary>The day range and granularity a TIMEX3 date or time value states.</summary>
    internal static bool TryRange(string value, out DateOnly start, out DateOnly end, out string grain)
    {
        start = end = default;
        grain = "";
        var m = DateValue().Match(value);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var rest = m.Groups["rest"].Value;
        if (year == 0) return false;
        switch (m.Groups["y"].Value.Length)
        {
            case 2: start = new DateOnly(year * 100, 1, 1); end = new DateOnly(year * 100 + 99, 12, 31); grain = "century"; return rest.Length == 0;
            case 3: start = new DateOnly(year * 10, 1, 1); end = new DateOnly(year * 10 + 9, 12, 31); grain = "decade"; return rest.Length == 0;
        }
        if (rest.Length == 0) { start = new DateOnly(year, 1, 1); end = new DateOnly(year, 12, 31); grain = "year"; return true; }
        if (Regex.Match(rest, @"^-(\d\d)$") is { Success: true } mm)
        {
            var month = int.Parse(mm.Groups[1].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            start = new DateOnly(year, month, 1); end = start.AddMonths(1).AddDays(-1); grain = "month"; return true;
        }
        if (Regex.Match(rest, @"^-(\d\d)-(\d\d)(T.*)?$") is { Success: true } dd
            && DateOnly.TryParseExact($"{year:0000}-{dd.Groups[1].Value}-{dd.Groups[2].Value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            start = end = day;
            grain = dd.Groups[3].Value.Length == 0 ? "day" : char.IsAsciiDigit(dd.Groups[3].Value.ElementAtOrDefault(1)) ? "time" : "part of day";
            return true;
        }
        if (Regex.Match(rest, @"^-W(\d\d)") is { Success: true } w)
        {
            var week = int.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture);
            if (week is < 1 or > 53) return false;
            start = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)); end = start.AddDays(6);
            grain = rest.Contains("WE", StringComparison.Ordinal) ? "weekend" : "week"; return true;
        }
        if (Regex.Match(rest, @"^-Q([1-4])$") is { Success: true } q)
        {
            var quarter = int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture);
            start = new DateOnly(year, quarter * 3 - 2, 1); end = start.AddMonths(3).AddDays(-1); grain = "quarter"; return true;
        }
        if (Regex.Match(rest, @"^-H([12])$") is { Success: true } h)
        {
            start = new DateOnly(year, h.Groups[1].Value == "1" ? 1 : 7, 1); end = start.AddMonths(6).AddDays(-1); grain = "half"; return true;
        }
        if (rest is "-SP" or "-SU" or "-FA" or "-WI")
        {
            var first = rest switch { "-SP" => 3, "-SU" => 6, "-FA" => 9, _ => 12 };
            start = new DateOnly(year, first, 1); end = start.AddMonths(3).AddDays(-1); grain = "season"; return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<y>\d{2,4})(?<rest>.*)$")]
    private static partial Regex DateValue();

    // A year the expression's own characters state: four digits from 1000 to 2999 ("2008", "the 1990s"), or an apostrophe and two ("'08").
    [GeneratedRegex(@"\b[12]\d{3}(?!\d)|['’]\d\d\b")]
    private static partial Regex YearWritten();
}
