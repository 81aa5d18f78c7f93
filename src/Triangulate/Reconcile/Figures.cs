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
