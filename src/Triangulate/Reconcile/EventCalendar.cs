using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Widely known dated events (inaugurations, elections, holidays, summits) and the words that name them, from the
/// embedded <c>calendar.tsv</c> plus any files the user adds (same format: date, name, aliases separated by ';').
/// </summary>
internal sealed class EventCalendar
{
    private readonly List<(DateOnly Date, string Name, string[] Aliases)> _entries = [];

    /// <summary>The built-in calendar and the extra files.</summary>
    public static EventCalendar Load(IEnumerable<string> extraFiles)
    {
        var calendar = new EventCalendar();
        calendar.Add(ReconcileData.Lines("calendar.tsv"));
        foreach (var path in extraFiles)
        {
            using var reader = new StreamReader(path);
            calendar.Add(ReconcileData.ReadLines(reader));
        }
        return calendar;
    }

    /// <summary>Adds entries from lines "YYYY-MM-DD\tname\talias;alias"; malformed lines are skipped.</summary>
    public void Add(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (cells.Length < 2 || !DateOnly.TryParseExact(cells[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            var aliases = new List<string> { cells[1].Trim().ToLowerInvariant() };
            if (cells.Length > 2)
                foreach (var alias in cells[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) aliases.Add(alias.ToLowerInvariant());
            _entries.Add((date, cells[1].Trim(), [.. aliases]));
        }
    }

    /// <summary>The dates of every event one of whose aliases occurs as whole words in <paramref name="phrase"/>, longest alias first.</summary>
    public List<(DateOnly Date, string Name)> Find(string phrase)
    {
        var text = " " + Normalise(phrase) + " ";
        var found = new List<(DateOnly, string)>();
        foreach (var (date, name, aliases) in _entries)
            foreach (var alias in aliases)
                if (text.Contains(" " + Normalise(alias) + " ", StringComparison.Ordinal)) { found.Add((date, name)); break; }
        return found;
    }

    private static string Normalise(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is '\'' or '’' ? '\'' : ' ';
        }
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

}
