namespace Triangulate.Reconcile;

/// <summary>
/// Value intervals of quantity claims. A missing bound is open ("more than 40" runs to infinity), and a point value
/// written round ("800", "1,400") is widened by half its last significant unit, so a rounded restatement of 1,376 as
/// "1,400" still overlaps it while 800 and 1,376 do not.
/// </summary>
internal static class Figures
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

    private static string Number(double v) => v.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
