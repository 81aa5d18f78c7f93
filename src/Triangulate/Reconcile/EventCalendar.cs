using System.Globalization;

namespace Triangulate.Reconcile;

/// <summary>
/// Widely known dated events (inaugurations, elections, holidays, summits, talks) and the words that name them, from
/// the embedded <c>calendar.tsv</c> plus any files the user adds (same format: date, name, aliases separated by ';').
/// An alias is a phrase matched as whole words, or parts joined by '+' that must all occur ("geneva+@talks"), where a
/// part "@class" is any word of that class in <c>calendar-classes.tsv</c> ("discussions", "negotiations"...).
/// </summary>
internal sealed class EventCalendar
{
    private static readonly Lazy<Dictionary<string, string[]>> Classes = new(() =>
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in ReconcileData.Lines("calendar-classes.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length < 2) continue;
            map["@" + cells[0].Trim().ToLowerInvariant()] = [.. cells[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalise)];
        }
        return map;
    });

    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create(",;:–—(");

    /// <summary>How many words after a trigger may name the event.</summary>
    public const int PhraseWords = 10;

    private readonly List<(DateOnly Date, string Name, string[][] Aliases)> _entries = [];

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
            var aliases = new List<string[]> { new[] { Normalise(cells[1]) } };
            if (cells.Length > 2)
                foreach (var alias in cells[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    aliases.Add([.. alias.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p[0] == '@' ? p.ToLowerInvariant() : Normalise(p))]);
            _entries.Add((date, cells[1].Trim(), [.. aliases]));
        }
    }

    /// <summary>
    /// The dates of the events named in <paramref name="phrase"/>. When several match, only those matched by the most
    /// specific alias (most words) remain: "lunar new year" is not also "new year". Only the first
    /// <see cref="PhraseWords"/> words up to the first clause mark count: the event is named right after the
    /// trigger, and parts of one alias in different clauses ("X's inauguration, France and ...") name nothing together.
    /// </summary>
    public List<(DateOnly Date, string Name)> Find(string phrase)
    {
        var clause = phrase.AsSpan().IndexOfAny(ClauseMarks);
        var tokens = Normalise(clause >= 0 ? phrase[..clause] : phrase).Split(' ');
        var text = " " + string.Join(' ', tokens, 0, Math.Min(tokens.Length, PhraseWords)) + " ";
        var found = new List<(DateOnly, string)>();
        var best = 0;
        foreach (var (date, name, aliases) in _entries)
        {
            var score = 0;
            foreach (var alias in aliases)
                if (Matches(text, alias, out var words) && words > score) score = words;
            if (score == 0 || score < best) continue;
            if (score > best) { found.Clear(); best = score; }
            found.Add((date, name));
        }
        return found;
    }

    private static bool Matches(string text, string[] parts, out int words)
    {
        words = 0;
        foreach (var part in parts)
        {
            if (part.Length == 0) return false;
            if (part[0] == '@')
            {
                if (!Classes.Value.TryGetValue(part, out var members)) return false;
                var any = false;
                foreach (var member in members)
                    if (text.Contains(" " + member + " ", StringComparison.Ordinal)) { any = true; break; }
                if (!any) return false;
                words++;
                continue;
            }
            if (!text.Contains(" " + part + " ", StringComparison.Ordinal)) return false;
            words += part.Count(static c => c == ' ') + 1;
        }
        return words > 0;
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
