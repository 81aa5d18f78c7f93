namespace Triangulate.Link;

/// <summary>
/// Whether a credit names an outlet. Credits and datelines name agencies by their short form ("(AP)", "Source: AFP",
/// "Copyright Meridian") while the publishing page gives the full name ("Associated Press", "Agence France-Presse",
/// "Meridian Press"): the short form is the full name's initials or its first word. Both sides are outlet keys
/// (<see cref="LinkText.OutletKey"/>: folded, punctuation as single spaces, no leading "the").
/// </summary>
internal static class OutletNames
{
    /// <summary>A first-word short form must be at least this long ("Meridian" for "Meridian Press"; not "Le", "El").</summary>
    private const int MinFirstWord = 4;

    /// <summary>True when <paramref name="credit"/> names <paramref name="outlet"/>: the same key, its initials, or its first word.</summary>
    public static bool Match(string credit, string outlet)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(outlet);
        if (credit.Length == 0 || outlet.Length == 0) return false;
        if (credit == outlet) return true;
        if (credit.Contains(' ', StringComparison.Ordinal)) return false;
        if (credit.Length >= MinFirstWord && outlet.Length > credit.Length && outlet[credit.Length] == ' '
            && outlet.StartsWith(credit, StringComparison.Ordinal)) return true;
        return credit.Length >= 2 && IsInitials(credit, outlet);
    }

    /// <summary>True when <paramref name="credit"/> is the first letters of <paramref name="outlet"/>'s two or more words.</summary>
    private static bool IsInitials(string credit, string outlet)
    {
        var i = 0;
        var words = 0;
        var start = true;
        foreach (var c in outlet)
        {
            if (c == ' ') { start = true; continue; }
            if (!start) continue;
            start = false;
            words++;
            if (i >= credit.Length || credit[i] != c) return false;
            i++;
        }
        return words >= 2 && i == credit.Length;
    }

    /// <summary>
    /// True when <paramref name="text"/> names <paramref name="outlet"/> (an outlet key): its words in a row, its first
    /// word capitalised, or its initials in capitals ("(AP)", "first appeared on Meridian", "Source: AFP").
    /// </summary>
    public static bool Mentioned(string text, string outlet)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(outlet);
        return Mentioned(text.AsSpan(), Form(outlet));
    }

    /// <summary>
    /// <see cref="Mentioned(string, string)"/> over the characters <paramref name="start"/> to <paramref name="end"/> of
    /// a profiled document's text, as over that passage cut out: false at once when the passage starts and ends between
    /// words and the text has no word that could open a mention (the outlet's first word or its initials, by
    /// <see cref="TextProfile.Words"/>), which is what nearly every passage of a pair's test gives.
    /// </summary>
    public static bool Mentioned(TextProfile profile, int start, int end, string outlet)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(outlet);
        var form = Form(outlet);
        var text = profile.Text;
        // A passage cut inside a word has a token the whole text lacks (its part of that word): scanned as it is.
        var between = (start == 0 || !char.IsLetterOrDigit(text[start - 1]) || start == text.Length || !char.IsLetterOrDigit(text[start]))
            && (end == text.Length || end == 0 || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]));
        if (between && form.Words.Length > 0 && !profile.Words.MayContain(form.FirstKey) && (form.Initials is null || !profile.Words.MayContain(form.InitialsKey))) return false;
        return Mentioned(text.AsSpan(start, end - start), form);
    }

    private static bool Mentioned(ReadOnlySpan<char> text, OutletForm form)
    {
        var words = form.Words;
        if (words.Length == 0) return false;
        var initials = form.Initials;
        var matched = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            // Each token is compared folded in place: this runs over whole pages (a provenance pair's attribution test),
            // and a folded string per token was most of the provenance stage's allocation.
            var token = text.Slice(start, i - start);
            var first = FoldsTo(token, words[0]);
            matched = (matched == 0 ? first : FoldsTo(token, words[matched])) ? matched + 1 : first ? 1 : 0;
            if (matched == words.Length) return true;
            if (!char.IsUpper(token[0])) continue;
            if (words.Length >= 2 && words[0].Length >= MinFirstWord && first && StandsAlone(text, start, i)) return true;
            if (initials is not null && FoldsTo(token, initials) && IsCapitals(token)) return true;
        }
        return false;
    }

    /// <summary>An outlet key's words and initials, and the keys of the words a mention of it opens with (<see cref="TokenFilter.Key"/>).</summary>
    private sealed record OutletForm(string[] Words, string? Initials, ulong FirstKey, ulong InitialsKey);

    /// <summary>Outlet keys split once each: a pair's test asks for the same few outlets sentence after sentence.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, OutletForm> Forms = new(StringComparer.Ordinal);

    /// <summary>Outlet keys kept split at most (the store's outlets are some thousands; credits read from text add more).</summary>
    private const int MaxForms = 1 << 16;

    private static OutletForm Form(string outlet)
    {
        if (Forms.TryGetValue(outlet, out var form)) return form;
        var words = outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var initials = words.Length >= 2 ? string.Concat(words.Select(w => w[0])) : null;
        form = new OutletForm(words, initials, words.Length > 0 ? TokenFilter.Key(words[0]) : 0, initials is null ? 0 : TokenFilter.Key(initials));
        if (Forms.Count >= MaxForms) Forms.Clear();
        Forms.TryAdd(outlet, form);
        return form;
    }

    /// <summary>True when <paramref name="token"/> folded (<see cref="LinkText.FoldWord"/>) is <paramref name="word"/>, without making the folded string.</summary>
    internal static bool FoldsTo(ReadOnlySpan<char> token, string word)
    {
        // Folding maps each char to one char, so the lengths must agree.
        if (token.Length != word.Length) return false;
        for (var k = 0; k < token.Length; k++)
            if (LinkText.Fold(token[k]) != word[k]) return false;
        return true;
    }

    /// <summary>
    /// A first word names its outlet only standing alone ("(Meridian)", "appeared on Meridian."): not followed by another
    /// capitalised word ("New York", "Daily Mail" are other names) and not opening a sentence.
    /// </summary>
    private static bool StandsAlone(ReadOnlySpan<char> text, int start, int end)
    {
        var next = end;
        while (next < text.Length && text[next] == ' ') next++;
        if (next < text.Length && char.IsUpper(text[next])) return false;
        var previous = start - 1;
        while (previous >= 0 && text[previous] == ' ') previous--;
        return previous >= 0 && text[previous] is not ('.' or '!' or '?' or '\n' or '\r');
    }

    private static bool IsCapitals(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (!char.IsUpper(c)) return false;
        return true;
    }
}
