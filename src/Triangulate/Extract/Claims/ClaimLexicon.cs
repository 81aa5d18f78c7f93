namespace Triangulate.Extract.Claims;

/// <summary>
/// The claim extractor's word lists (hedges, status words, event verbs) indexed by their first word, so one pass over
/// a sentence finds every whole-word occurrence of every entry instead of one substring search per entry per
/// sentence. Matching is exactly that of a search in the lower-cased sentence: an occurrence starts and ends at a
/// word boundary (a character that is not a letter or digit, or the sentence's edge), its characters lower-cased
/// (invariant, one by one) equal the entry's. Immutable and thread-safe once built.
/// </summary>
internal sealed class ClaimLexicon
{
    private readonly Dictionary<string, List<(ClaimWordKind Kind, int Index)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(ClaimWordKind Kind, int Index)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _longestFirstWord;

    public ClaimLexicon(IReadOnlyList<string> hedges, IReadOnlyList<(string Word, string Value)> statusWords, IReadOnlyList<(string Word, string Value)> eventVerbs)
    {
        Hedges = hedges;
        StatusWords = statusWords;
        EventVerbs = eventVerbs;
        for (var i = 0; i < hedges.Count; i++) Index(hedges[i], ClaimWordKind.Hedge, i);
        for (var i = 0; i < statusWords.Count; i++) Index(statusWords[i].Word, ClaimWordKind.Status, i);
        for (var i = 0; i < eventVerbs.Count; i++) Index(eventVerbs[i].Word, ClaimWordKind.Event, i);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Hedge phrases, in order of preference.</summary>
    public IReadOnlyList<string> Hedges { get; }

    /// <summary>Status words with their normalised status, longest first.</summary>
    public IReadOnlyList<(string Word, string Value)> StatusWords { get; }

    /// <summary>Event verbs with their event type, longest first.</summary>
    public IReadOnlyList<(string Word, string Value)> EventVerbs { get; }

    /// <summary>The word of an entry.</summary>
    public string Word(ClaimWordKind kind, int index) => kind switch
    {
        ClaimWordKind.Hedge => Hedges[index],
        ClaimWordKind.Status => StatusWords[index].Word,
        _ => EventVerbs[index].Word,
    };

    private void Index(string entry, ClaimWordKind kind, int index)
    {
        // An entry that does not start with a letter or digit could never start at a word boundary: it never matches.
        var first = FirstWordLength(entry);
        if (first == 0) return;
        var key = entry[..first];
        if (!_byFirstWord.TryGetValue(key, out var list)) _byFirstWord[key] = list = [];
        list.Add((kind, index));
        _longestFirstWord = Math.Max(_longestFirstWord, first);
    }

    private static int FirstWordLength(string entry)
    {
        var n = 0;
        while (n < entry.Length && char.IsLetterOrDigit(entry[n])) n++;
        return n;
    }

    /// <summary>Appends every whole-word occurrence of an entry in text[start..end) to <paramref name="matches"/>, by position.</summary>
    public void Scan(string text, int start, int end, List<ClaimWordMatch> matches)
    {
        Span<char> buffer = stackalloc char[Math.Max(1, _longestFirstWord)];
        var p = start;
        while (p < end)
        {
            if (!IsWordChar(text[p])) { p++; continue; }
            // p starts a run of letters and digits (the character before is a boundary or the sentence's start).
            var q = p + 1;
            while (q < end && IsWordChar(text[q])) q++;
            if (q - p <= _longestFirstWord)
            {
                var word = buffer[..(q - p)];
                for (var k = 0; k < word.Length; k++) word[k] = char.ToLowerInvariant(text[p + k]);
                if (_lookup.TryGetValue(word, out var candidates))
                {
                    foreach (var (kind, index) in candidates)
                    {
                        var entry = Word(kind, index);
                        if (Matches(text, p, end, entry)) matches.Add(new ClaimWordMatch(kind, index, p, entry.Length));
                    }
                }
            }
            p = q;
        }
    }

    private static bool Matches(string text, int at, int end, string entry)
    {
        if (at + entry.Length > end) return false;
        for (var k = 0; k < entry.Length; k++) if (char.ToLowerInvariant(text[at + k]) != entry[k]) return false;
        return at + entry.Length == end || !IsWordChar(text[at + entry.Length]);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(char.ToLowerInvariant(c));
}
