using Triangulate.Model;

namespace Triangulate.Ingest.Evaluation;

/// <summary>
/// Counts of a date evaluation, scored as htmldate's evaluation does: per page, the right day is a true positive, a
/// wrong day a false positive, no day a false negative (a true negative when the page has none either).
/// </summary>
public sealed class DateRun
{
    /// <summary>Pages scored.</summary>
    public int Pages { get; private set; }
    /// <summary>Pages dated to the gold day.</summary>
    public int Right { get; private set; }
    /// <summary>Pages dated within one day of the gold day (time zones, late-night publication).</summary>
    public int WithinDay { get; private set; }
    /// <summary>Pages given a wrong day (or a day when the gold has none).</summary>
    public int Wrong { get; private set; }
    /// <summary>Pages with a gold day and no day found.</summary>
    public int Missing { get; private set; }
    /// <summary>Pages without a gold day and no day found.</summary>
    public int TrueNegatives { get; private set; }
    /// <summary>Found days by basis (metadata, stated).</summary>
    public Dictionary<DateBasis, int> ByBasis { get; } = [];

    /// <summary>Right or true negative, over all pages.</summary>
    public double Accuracy => Pages == 0 ? 0 : (double)(Right + TrueNegatives) / Pages;
    /// <summary>Accuracy counting a day off as right.</summary>
    public double AccuracyWithinDay => Pages == 0 ? 0 : (double)(WithinDay + TrueNegatives) / Pages;
    /// <summary>Share of pages given a day.</summary>
    public double Coverage => Pages == 0 ? 0 : (double)(Right + Wrong) / Pages;
    /// <summary>Right over found.</summary>
    public double Precision => Right + Wrong == 0 ? 0 : (double)Right / (Right + Wrong);
    /// <summary>Right over right plus missing.</summary>
    public double Recall => Right + Missing == 0 ? 0 : (double)Right / (Right + Missing);
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores one page.</summary>
    public void Add(PartialDate? gold, DateEstimate? found)
    {
        Pages++;
        var day = found?.Date;
        if (day is null || day.Value.Day is null)
        {
            if (gold is null) TrueNegatives++;
            else Missing++;
            return;
        }
        ByBasis[found!.Basis] = ByBasis.GetValueOrDefault(found.Basis) + 1;
        if (gold is { } g && g == day.Value) Right++;
        else Wrong++;
        if (gold is { } expected && Math.Abs(expected.Earliest.DayNumber - day.Value.Earliest.DayNumber) <= 1) WithinDay++;
    }
}
