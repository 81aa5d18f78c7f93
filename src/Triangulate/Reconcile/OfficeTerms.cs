using System.Globalization;

namespace Triangulate.Reconcile;

/// <summary>
/// Terms of office of heads of state and government (embedded <c>officeholders.tsv</c>): who held an office from when
/// to when, and the election before. "President-elect X" bounds a document to [election, start of term]; an
/// administration spoken of in the present bounds it to the term.
/// </summary>
internal sealed class OfficeTerms
{
    private static readonly Lazy<OfficeTerms> Default = new(() => new OfficeTerms(ReconcileData.Lines("officeholders.tsv")));

    private readonly Dictionary<string, List<Term>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One term: its start, its end (null while running) and the election that preceded it (when known).</summary>
    public readonly record struct Term(DateOnly Start, DateOnly? End, DateOnly? Election);

    private OfficeTerms(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (cells.Length < 4 || !TryDate(cells[3], out var start)) continue;
            DateOnly? end = cells.Length > 4 && TryDate(cells[4], out var e) ? e : null;
            DateOnly? election = cells.Length > 5 && TryDate(cells[5], out var v) ? v : null;
            foreach (var name in cells[0].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!_byName.TryGetValue(name, out var terms)) _byName[name] = terms = [];
                terms.Add(new Term(start, end, election));
            }
        }
    }

    /// <summary>The built-in table.</summary>
    public static OfficeTerms Instance => Default.Value;

    /// <summary>The terms of the person named (a surname or full name as listed); empty when unknown.</summary>
    public IReadOnlyList<Term> Of(string name) => _byName.TryGetValue(name.Trim(), out var terms) ? terms : [];

    /// <summary>The term containing the reference day, else the one nearest it (within 400 days); with no reference, the only term or none.</summary>
    public static Term? Nearest(IReadOnlyList<Term> terms, DateOnly? reference)
    {
        if (terms.Count == 0) return null;
        if (reference is not { } r) return terms.Count == 1 ? terms[0] : null;
        Term? best = null;
        var bestDistance = int.MaxValue;
        foreach (var term in terms)
        {
            var distance = r < term.Start ? term.Start.DayNumber - r.DayNumber
                : term.End is { } end && r > end ? r.DayNumber - end.DayNumber : 0;
            if (distance < bestDistance) { best = term; bestDistance = distance; }
        }
        return bestDistance <= 400 ? best : null;
    }

    private static bool TryDate(string cell, out DateOnly date) =>
        DateOnly.TryParseExact(cell.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
