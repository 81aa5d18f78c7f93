using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Triangulate.Link;

/// <summary>
/// Normalisation shared by the linking stages: case and diacritic folding, transliteration-aware keys for names
/// (so Dutch "oe" and English "u" spellings, or "-yy" and "-y" endings, meet), number keys ("3,000" and "3000"), 64-bit word hashes.
/// </summary>
internal static class LinkText
{
    /// <summary>Folded form of every char below U+0250 (Latin blocks): lower case, diacritics stripped. Built once.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>English function words (Data/link-stopwords.txt).</summary>
    public static FrozenSet<string> StopWords { get; } = LoadWords("link-stopwords.txt");

    /// <summary><see cref="StopWords"/> looked up by a span: a word folded into a buffer is tested without being made a string.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans { get; } = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var s = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            var first = s.Length > 0 ? s[0] : (char)c;
            table[c] = char.ToLowerInvariant(first);
        }
        // Letters with no decomposition that transliterate to plain Latin.
        table['ø'] = 'o'; table['Ø'] = 'o'; table['ł'] = 'l'; table['Ł'] = 'l'; table['đ'] = 'd'; table['Đ'] = 'd';
        table['ß'] = 's';
        return table;
    }

    /// <summary>Lower case without diacritics.</summary>
    public static char Fold(char c) => c < 0x250 ? FoldTable[c] : char.ToLowerInvariant(c);

    /// <summary>A word character (letters, digits, and apostrophes or hyphens inside words are handled by the tokenizer).</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Folds <paramref name="word"/> into <paramref name="buffer"/> (at least as long) and returns the folded part: <see cref="FoldWord"/> without the string.</summary>
    public static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> word, Span<char> buffer)
    {
        for (var i = 0; i < word.Length; i++) buffer[i] = Fold(word[i]);
        return buffer[..word.Length];
    }

    /// <summary>The folded word as a string.</summary>
    public static string FoldWord(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++) buffer[i] = Fold(word[i]);
        return new string(buffer);
    }

    /// <summary>
    /// A key for a proper name that survives transliteration: folded, "oe"/"ou" read as "u" (Dutch, French), "iy"/"ij"/"yy"
    /// as "y", "w" as "v", "kh" as "h", doubled letters single. Crude but symmetric: both sides go through it.
    /// </summary>
    public static string NameKey(ReadOnlySpan<char> word)
    {
        Span<char> key = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(key[..NameKeyInto(word, key)]);
    }

    /// <summary><see cref="NameKey"/> written into <paramref name="key"/> (at least as long as the word); returns its length.</summary>
    public static int NameKeyInto(ReadOnlySpan<char> word, Span<char> key)
    {
        var n = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = Fold(word[i]);
            var next = i + 1 < word.Length ? Fold(word[i + 1]) : '\0';
            if ((c == 'o' && (next == 'e' || next == 'u'))) { key[n++] = 'u'; i++; continue; }
            if (c == 'i' && (next == 'y' || next == 'j')) { key[n++] = 'y'; i++; continue; }
            if (c == 'k' && next == 'h') { key[n++] = 'h'; i++; continue; }
            if (c == 'w') c = 'v';
            if (c == 'j') c = 'y';
            if (n > 0 && key[n - 1] == c) continue;
            key[n++] = c;
        }
        return n;
    }

    /// <summary>Digits only ("3,000" → "3000", "1.376" stays "1376": thousands separators differ by language).</summary>
    public static string NumberKey(ReadOnlySpan<char> token)
    {
        Span<char> key = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        return new string(key[..NumberKeyInto(token, key)]);
    }

    /// <summary><see cref="NumberKey"/> written into <paramref name="key"/> (at least as long as the token); returns its length.</summary>
    public static int NumberKeyInto(ReadOnlySpan<char> token, Span<char> key)
    {
        var n = 0;
        foreach (var c in token)
            if (char.IsAsciiDigit(c)) key[n++] = c;
        return n;
    }

    /// <summary>FNV-1a over the string, then a finaliser, so keys spread over buckets.</summary>
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return Mix(hash);
    }

    /// <summary>SplitMix64's finaliser.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27; x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>An outlet name as compared: folded, without a leading "the", punctuation and spaces collapsed.</summary>
    public static string OutletKey(string outlet)
    {
        ArgumentNullException.ThrowIfNull(outlet);
        var builder = new StringBuilder(outlet.Length);
        foreach (var c in outlet.Trim())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(Fold(c));
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        var key = builder.ToString().Trim();
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        return key;
    }

    private static FrozenSet<string> LoadWords(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Triangulate.Data." + name)
            ?? throw new InvalidOperationException("missing resource " + name);
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length == 0 || word[0] == '#') continue;
            words.Add(word.ToLower(CultureInfo.InvariantCulture));
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
